import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/**
 * Inbound auth for inventory-sync's own API (called by order-service and the
 * returns worker). Tokens come from the platform IdP; permissions are managed
 * in the platform's entitlement service.
 */

const ISSUER = process.env.PLATFORM_ISSUER ?? 'https://id.retailgrid.net';
const AUDIENCE = 'inventory-sync';
const ENTITLEMENTS_URL = process.env.ENTITLEMENTS_URL ?? 'https://entitlements.internal.retailgrid.net';

const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`), { cooldownDuration: 30_000 });

// Entitlements change rarely and the lookup is slow; keep them for the life of the process.
const permissionsByClient = new Map<string, Set<string>>(); // expect: authz.missing

// Verified tokens: bounded and short-lived.
const verified = new LRUCache<string, JWTPayload>({ max: 5_000, ttl: 60_000 }); // ok: token.storage

async function loadPermissions(clientId: string): Promise<Set<string>> {
  const cachedPerms = permissionsByClient.get(clientId);
  if (cachedPerms) return cachedPerms;
  const res = await fetch(`${ENTITLEMENTS_URL}/v1/clients/${encodeURIComponent(clientId)}/permissions?resource=inventory`);
  if (!res.ok) throw new Error(`entitlements lookup failed: ${res.status}`);
  const perms = new Set<string>(((await res.json()) as { permissions: string[] }).permissions);
  permissionsByClient.set(clientId, perms);
  return perms;
}

export function requirePermission(permission: string) {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return reply.code(401).send({ error: 'missing_token' });
    const token = header.slice(7);

    let claims = verified.get(token);
    if (!claims) {
      try {
        ({ payload: claims } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'] })); // ok: token.verify
      } catch {
        return reply.code(401).send({ error: 'invalid_token' });
      }
      verified.set(token, claims);
    }

    const clientId = String(claims.azp ?? claims.sub);
    const perms = await loadPermissions(clientId);
    if (!perms.has(permission)) {
      request.log.info({ clientId, permission }, 'permission denied');
      return reply.code(403).send({ error: 'forbidden' });
    }
    request.caller = { clientId, scopes: String(claims.scope ?? '').split(' ') };
  };
}
