import { createRemoteJWKSet, jwtVerify, errors } from 'jose';

/**
 * Geo lookup API on Workers. Callers are first-party apps with tokens from our Auth0 tenant,
 * or partners with an API key (stored hashed in D1).
 */
export interface Env {
  DB: D1Database;
  AUTH0_DOMAIN: string;
  API_AUDIENCE: string;
  RATE_LIMITER: RateLimit;
}

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined; // ok: token.expiry

function getJwks(env: Env) {
  jwks ??= createRemoteJWKSet(new URL(`https://${env.AUTH0_DOMAIN}/.well-known/jwks.json`));
  return jwks;
}

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)); // ok: password.hash
}

type Caller = { kind: 'user'; sub: string; scopes: string[] } | { kind: 'partner'; partnerId: string };

async function authenticate(request: Request, env: Env): Promise<Caller | Response> {
  const auth = request.headers.get('Authorization');
  if (auth?.startsWith('Bearer ')) {
    try {
      const { payload } = await jwtVerify(auth.slice(7), getJwks(env), { // ok: token.verify
        issuer: `https://${env.AUTH0_DOMAIN}/`,
        audience: env.API_AUDIENCE,
        algorithms: ['RS256'],
      });
      return { kind: 'user', sub: payload.sub!, scopes: String(payload.scope ?? '').split(' ') };
    } catch (err) {
      const expired = err instanceof errors.JWTExpired;
      return Response.json({ error: expired ? 'token_expired' : 'invalid_token' }, { status: 401 });
    }
  }

  const apiKey = request.headers.get('X-Api-Key');
  if (apiKey) {
    const [prefix] = apiKey.split('_', 2);
    const row = await env.DB.prepare('SELECT partner_id, key_hash FROM partner_keys WHERE prefix = ? AND revoked_at IS NULL')
      .bind(prefix)
      .first<{ partner_id: string; key_hash: ArrayBuffer }>();
    if (!row) return Response.json({ error: 'invalid_api_key' }, { status: 401 });
    const presented = await sha256(apiKey);
    if (!crypto.subtle.timingSafeEqual(presented, row.key_hash)) { // ok: compare.timing
      return Response.json({ error: 'invalid_api_key' }, { status: 401 });
    }
    return { kind: 'partner', partnerId: row.partner_id };
  }

  return Response.json({ error: 'unauthenticated' }, { status: 401 });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const caller = await authenticate(request, env);
    if (caller instanceof Response) return caller;

    const key = caller.kind === 'user' ? caller.sub : caller.partnerId;
    const { success } = await env.RATE_LIMITER.limit({ key });
    if (!success) return Response.json({ error: 'rate_limited' }, { status: 429 });

    if (caller.kind === 'user' && !caller.scopes.includes('geo:read')) {
      return Response.json({ error: 'insufficient_scope' }, { status: 403 });
    }

    const ip = new URL(request.url).searchParams.get('ip') ?? request.headers.get('CF-Connecting-IP') ?? '';
    const cf = request.cf as IncomingRequestCfProperties | undefined;
    return Response.json({
      ip,
      country: cf?.country,
      city: cf?.city,
      timezone: cf?.timezone,
      requestId: crypto.randomUUID(),
    });
  },
};
