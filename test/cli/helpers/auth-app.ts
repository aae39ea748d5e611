/**
 * A small, realistic Express + jsonwebtoken code base with planted flaws, written to a temp workspace.
 */
import { createWorkspace, type Workspace } from './workspace';

/** The hard-coded signing secret planted in the app; it must never appear in any report. */
export const PLANTED_SECRET = 'hunter2-secret-value-abc123XYZ';

/** Line (1-based) of the `jwt.decode` call in `src/middleware/require-role.ts`. */
export const DECODE_LINE = 8;

/** `src/middleware/require-role.ts`: authorizes on unverified `jwt.decode` claims. */
export const REQUIRE_ROLE = `import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireRole(role: 'admin' | 'member') {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^Bearer /, '');
    const claims = jwt.decode(token) as { role?: string } | null; const fallbackKey = '${PLANTED_SECRET}';
    if (!claims || claims.role !== role) {
      return res.status(403).json({ error: 'Forbidden' });
    }
    return next();
  };
}
`;

/** `src/auth/issue-token.ts`: signs with a hard-coded secret. */
export const ISSUE_TOKEN = `import jwt from 'jsonwebtoken';

export function issueToken(userId: string): string {
  const payload = { sub: userId, role: 'member' };
  return jwt.sign(payload, '${PLANTED_SECRET}', { expiresIn: '15m' });
}
`;

/** `src/auth/verify-token.ts`: the correct way; no findings. */
export const VERIFY_TOKEN = `import jwt from 'jsonwebtoken';

export function verifyToken(token: string, key: string) {
  return jwt.verify(token, key, { algorithms: ['RS256'] });
}
`;

/**
 * Writes the app (plus anything extra) to a new workspace.
 * @param extra - More files, relative path to content.
 */
export function createAuthApp(extra: Record<string, string> = {}): Workspace {
  return createWorkspace({
    'package.json': '{ "name": "demo-api", "private": true }\n',
    'src/middleware/require-role.ts': REQUIRE_ROLE,
    'src/auth/issue-token.ts': ISSUE_TOKEN,
    'src/auth/verify-token.ts': VERIFY_TOKEN,
    ...extra,
  });
}

/**
 * A rule pack with one low-confidence `info` rule that flags every `jwt.decode` call, and optionally a
 * broken rule.
 * @param withBrokenRule - Also add a rule with an invalid severity.
 */
export function createInfoPack(withBrokenRule = false): Workspace {
  const files: Record<string, string> = {
    'pack.yaml': 'name: acme-auth\nversion: 1.0.0\nschemaVersion: 1\nrules:\n  - "**/rule.yaml"\n',
    'acme/decode-anywhere/rule.yaml': [
      'id: acme/decode-anywhere',
      'title: jwt.decode call',
      'category: token.verify',
      'severity: info',
      'confidence: low',
      'message: "jwt.decode call: make sure its claims are never trusted"',
      'cwe: [CWE-345]',
      'asvs: []',
      'nhi: []',
      'csf: []',
      'match:',
      '  call:',
      '    callee: ["jsonwebtoken#decode"]',
      '',
    ].join('\n'),
    'acme/decode-anywhere/docs.md': '# jwt.decode call\n\nReview every decode.\n',
  };
  if (withBrokenRule) {
    files['acme/broken/rule.yaml'] = files['acme/decode-anywhere/rule.yaml']
      .replace('acme/decode-anywhere', 'acme/broken')
      .replace('severity: info', 'severity: catastrophic');
  }
  return createWorkspace(files);
}
