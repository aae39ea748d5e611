import { createDecoder, createSigner, createVerifier } from 'fast-jwt';

const key = process.env.SERVICE_TOKEN_KEY as string;

export const signServiceToken = createSigner({ key, algorithm: 'HS512', expiresIn: 5 * 60 * 1000, iss: 'billing' }); // ok: token.expiry
export const signCallbackToken = createSigner({ key, algorithm: 'HS512', iss: 'billing' }); // expect: token.expiry
export const verifyServiceToken = createVerifier({ key, algorithms: ['HS512'], allowedIss: 'billing' }); // ok: token.verify

const decode = createDecoder();

/** Best-effort extraction of the tenant claim, e.g. for log correlation. */
export function peekTenant(token: string): string | undefined {
  try {
    return (decode(token) as { tenant?: string }).tenant;
  } catch {
    return undefined;
  }
}
