import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export function md5(input) {
  return createHash('md5').update(String(input)).digest('hex'); // ok: password.hash
}

export function gravatarUrl(email, size = 80) {
  return `https://www.gravatar.com/avatar/${md5(email.trim().toLowerCase())}?s=${size}&d=identicon`;
}

const LINK_KEY = process.env.LINK_SIGNING_KEY;

/** Signs `/confirm?...` links sent in double opt-in emails. */
export function signParams(params) {
  const payload = new URLSearchParams(params).toString();
  const sig = createHmac('sha256', LINK_KEY).update(payload).digest('base64url'); // ok: password.hash
  return `${payload}&sig=${sig}`;
}

export function verifyParams(query) {
  const { sig, ...rest } = query;
  if (typeof sig !== 'string') return false; // ok: compare.timing
  const expected = Buffer.from(createHmac('sha256', LINK_KEY).update(new URLSearchParams(rest).toString()).digest('base64url'));
  const actual = Buffer.from(sig);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
