import { createHash, randomBytes } from 'node:crypto';

/** Hex SHA-256, used for ETags, idempotency keys and content fingerprints. */
export function sha256(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex'); // ok: password.hash
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url'); // ok: session.handrolled
}

export function etagFor(body: unknown): string {
  return `W/"${sha256(JSON.stringify(body)).slice(0, 27)}"`;
}

export function normalizeEmail(email: string): string {
  const [local, domain] = email.trim().toLowerCase().split('@');
  if (!domain) return email.trim().toLowerCase();
  return `${local.split('+')[0]}@${domain}`;
}
