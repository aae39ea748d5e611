import type { Handle } from '@sveltejs/kit';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { env } from '$env/dynamic/private';

const JWKS = createRemoteJWKSet(new URL(`${env.OIDC_ISSUER}/protocol/openid-connect/certs`));

export const handle: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get('id_token');
  if (token) {
    try {
      const { payload } = await jwtVerify(token, JWKS, { issuer: env.OIDC_ISSUER, audience: env.OIDC_CLIENT_ID, algorithms: ['RS256'] }); // ok: token.verify
      event.locals.user = { id: payload.sub!, email: String(payload.email ?? '') };
    } catch {
      event.cookies.delete('id_token', { path: '/' });
    }
  }
  const response = await resolve(event);
  response.headers.set('x-frame-options', 'DENY');
  return response;
};
