import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import jwt from 'jsonwebtoken';

const INTROSPECTION_URL = process.env.OAUTH_INTROSPECTION_URL;
const CLIENT_ID = process.env.GATEWAY_CLIENT_ID;
const CLIENT_SECRET = process.env.GATEWAY_CLIENT_SECRET;

// Opaque access tokens from the customer-facing apps: introspected, cached briefly.
const introspected = new LRUCache({ max: 50_000, ttl: 60_000 }); // ok: token.expiry

// Service accounts rarely change scopes, so their lookups are memoised for the process lifetime.
const serviceAccounts = new Map(); // expect: token.expiry

const keyOf = (token) => createHash('sha256').update(token).digest('base64url'); // ok: password.hash

async function introspect(token) {
  const res = await fetch(INTROSPECTION_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
  });
  if (!res.ok) throw new Error(`introspection failed: ${res.status}`);
  return res.json();
}

export async function principalForAccessToken(token) {
  const key = keyOf(token);
  const cached = introspected.get(key);
  if (cached) return cached.exp * 1000 > Date.now() ? cached : null;

  const result = await introspect(token);
  if (!result.active) return null;
  const principal = { sub: result.sub, scopes: String(result.scope || '').split(' '), exp: result.exp };
  introspected.set(key, principal, { ttl: Math.max(0, Math.min(60_000, result.exp * 1000 - Date.now())) });
  return principal;
}

export async function principalForServiceToken(token) {
  const key = keyOf(token);
  if (serviceAccounts.has(key)) return serviceAccounts.get(key);
  const result = await introspect(token);
  const principal = result.active ? { sub: result.client_id, scopes: String(result.scope || '').split(' '), service: true } : null;
  serviceAccounts.set(key, principal);
  return principal;
}

/**
 * Requests forwarded by the edge proxy carry an `x-edge-context` JWT with the
 * caller's geo/tenant. The proxy sits inside the VPC and doesn't sign it.
 */
export function edgeContext(req) {
  const raw = req.headers['x-edge-context'];
  if (!raw) return { tenant: 'public', region: 'eu-west-1' };
  const ctx = jwt.verify(raw, null, { algorithms: ['none'] }); // expect: token.verify
  return { tenant: ctx.tenant, region: ctx.region, plan: ctx.plan };
}
