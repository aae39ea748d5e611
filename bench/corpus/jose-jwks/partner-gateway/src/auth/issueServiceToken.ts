import { SignJWT, importPKCS8 } from 'jose';
import { randomUUID } from 'node:crypto';

const GATEWAY_ISSUER = 'urn:partner-gateway';
const callbackKey = new TextEncoder().encode(
  process.env.CALLBACK_SIGNING_KEY ?? 'pgw_cb_7f3a9e21d4c86b05e1f2a7c9d3b4e6f8', // expect: secret.inline
);

let privateKeyPromise: ReturnType<typeof importPKCS8> | undefined;
function gatewayPrivateKey() {
  const pem = process.env.GATEWAY_PRIVATE_KEY_PEM;
  if (!pem) throw new Error('GATEWAY_PRIVATE_KEY_PEM is not configured');
  privateKeyPromise ??= importPKCS8(pem.replace(/\\n/g, '\n'), 'ES256');
  return privateKeyPromise;
}

/** Token the gateway presents to partner upstreams on each proxied call. */
export async function upstreamToken(partnerId: string, scopes: string[]) {
  return new SignJWT({ scope: scopes.join(' ') }) // ok: token.expiry
    .setProtectedHeader({ alg: 'ES256', kid: process.env.GATEWAY_KEY_ID })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(`partner:${partnerId}`)
    .setSubject('partner-gateway')
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(await gatewayPrivateKey());
}

/**
 * Signed payload attached to webhook callbacks we forward to partners so they can
 * check the callback came through the gateway.
 */
export async function callbackAssertion(partnerId: string, deliveryId: string, bodySha256: string) {
  return new SignJWT({ delivery: deliveryId, body_sha256: bodySha256 }) // expect: token.expiry
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience(`partner:${partnerId}`)
    .setIssuedAt()
    .sign(callbackKey);
}
