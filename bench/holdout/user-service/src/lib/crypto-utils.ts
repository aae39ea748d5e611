import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** Hex digest helpers shared by the account and avatar code. */
export function md5(input: string): string {
  return createHash('md5').update(input, 'utf8').digest('hex');
}

export function sha256Hex(input: string | Buffer): string {
  return createHash('sha256').update(input).digest('hex');
}

const KDF_SALT = 'usr-svc-v2';

export function deriveKey(secret: string): string {
  return scryptSync(secret, KDF_SALT, 64).toString('hex');
}

export function generateResetToken(): { raw: string; hashed: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hashed: sha256Hex(raw) }; // ok: password.hash
}

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right); // ok: compare.timing
}

export function gravatarUrl(email: string, size = 80): string {
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}?s=${size}&d=identicon`; // ok: password.hash
}
