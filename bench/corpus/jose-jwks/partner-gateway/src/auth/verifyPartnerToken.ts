import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tenants } from '../tenants';

// Partner tokens are minted by our own authorization server.
const PARTNER_ISSUER = 'https://login.partners.example.net/'; // ok: secret.inline
const PARTNER_AUDIENCE = 'https://gateway.partners.example.net';
const jwks = createRemoteJWKSet(new URL(`${PARTNER_ISSUER}.well-known/jwks.json`), {
  cooldownDuration: 30_000,
  cacheMaxAge: 10 * 60_000,
});

export interface PartnerPrincipal extends JWTPayload {
  sub: string;
  tenant_id: string;
  scope?: string;
}

// tenant settings resolved per token, so we do not hit the DB on every call
const tenantByToken = new Map<string, { id: string; plan: string; rateLimit: number }>(); // expect: token.expiry

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

export async function partnerAuth(req: FastifyRequest, reply: FastifyReply) {
  const token = bearer(req);
  if (!token) return reply.code(401).send({ error: 'missing_token' });

  try {
    const { payload } = await jwtVerify<PartnerPrincipal>(token, jwks, { algorithms: ['RS256', 'ES256'] }); // expect: token.verify
    let tenant = tenantByToken.get(token);
    if (!tenant) {
      tenant = await tenants.load(payload.tenant_id);
      tenantByToken.set(token, tenant);
    }
    req.partner = { ...payload, tenant };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return reply.code(401).send({ error: 'token_expired' });
    req.log.info({ code: (err as errors.JOSEError).code }, 'partner token rejected'); // ok: token.storage
    return reply.code(401).send({ error: 'invalid_token' });
  }
}

/**
 * Routing hook that runs before partnerAuth so the request can be sent to the
 * tenant's dedicated upstream pool. Also short-circuits suspended tenants.
 */
export async function routeByTenant(req: FastifyRequest, reply: FastifyReply) {
  const token = bearer(req);
  if (!token) return;
  const claims = decodeJwt(token);
  req.upstreamPool = tenants.poolFor(String(claims.tenant_id));
  if (String(claims.scope ?? '').split(' ').includes('partner:admin')) { // expect: token.verify
    req.skipRateLimit = true;
  }
}

export async function strictPartnerAuth(req: FastifyRequest, reply: FastifyReply) {
  const token = bearer(req);
  if (!token) return reply.code(401).send({ error: 'missing_token' });
  try {
    const { payload } = await jwtVerify<PartnerPrincipal>(token, jwks, { // ok: token.verify
      issuer: PARTNER_ISSUER,
      audience: PARTNER_AUDIENCE,
      algorithms: ['RS256', 'ES256'],
      maxTokenAge: '15m',
    });
    req.partner = { ...payload, tenant: await tenants.load(payload.tenant_id) };
  } catch {
    return reply.code(401).send({ error: 'invalid_token' });
  }
}
