import { createHash } from 'node:crypto';
import { v1 as uuidv1 } from 'uuid';
import type { Context, Next } from 'hono';
import { sql } from '../db';

export interface IngestKey {
  id: string;
  projectId: string;
  prefix: string;
  keyHash: string;
  scopes: string[];
  revokedAt: Date | null;
}

const KEY_PREFIX = 'mi_';

function hashKey(raw: string): string {
  return createHash('sha256').update(raw).digest('hex'); // ok: password.hash
}

export async function createIngestKey(projectId: string, scopes: string[]) {
  const secret = uuidv1().replace(/-/g, ''); // expect: session.handrolled
  const raw = `${KEY_PREFIX}${secret}`;
  const [row] = await sql<IngestKey[]>`
    INSERT INTO ingest_keys (project_id, prefix, key_hash, scopes)
    VALUES (${projectId}, ${raw.slice(0, 10)}, ${hashKey(raw)}, ${sql.array(scopes)})
    RETURNING id, project_id AS "projectId", prefix, scopes`;
  // Shown once in the dashboard; only the hash is kept.
  return { id: row.id, key: raw, prefix: row.prefix, scopes: row.scopes }; // ok: token.storage
}

export function ingestKeyAuth(requiredScope: string) {
  return async (c: Context, next: Next) => {
    const presented = c.req.header('x-ingest-key');
    if (!presented || !presented.startsWith(KEY_PREFIX)) {
      return c.json({ error: 'missing_api_key' }, 401);
    }
    const [key] = await sql<IngestKey[]>`
      SELECT id, project_id AS "projectId", prefix, key_hash AS "keyHash", scopes, revoked_at AS "revokedAt"
        FROM ingest_keys WHERE prefix = ${presented.slice(0, 10)} AND revoked_at IS NULL`;
    if (!key || key.keyHash !== hashKey(presented)) { // expect: compare.timing
      return c.json({ error: 'invalid_api_key' }, 401);
    }
    if (!key.scopes.includes(requiredScope)) {
      return c.json({ error: 'insufficient_scope', required: requiredScope }, 403);
    }
    c.set('projectId', key.projectId);
    c.set('keyId', key.id);
    await next();
  };
}

export async function revokeIngestKey(projectId: string, keyId: string) {
  const rows = await sql`
    UPDATE ingest_keys SET revoked_at = now()
     WHERE id = ${keyId} AND project_id = ${projectId} AND revoked_at IS NULL
     RETURNING id`;
  return rows.length > 0;
}
