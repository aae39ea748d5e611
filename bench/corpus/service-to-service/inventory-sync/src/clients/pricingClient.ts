import axios from 'axios';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';

/**
 * The pricing service accepts either a JWT client assertion signed with our key
 * (RFC 7523) or, for partner tenants, a per-tenant access token from the partner gateway.
 */

const PRICING_URL = process.env.PRICING_URL ?? 'https://pricing.internal.retailgrid.net';
const PARTNER_GATEWAY = process.env.PARTNER_GATEWAY_URL ?? 'https://partners.retailgrid.net';
const SIGNING_KEY = readFileSync(process.env.INVENTORY_SYNC_KEY_PATH ?? '/var/run/secrets/inventory-sync/key.pem', 'utf8'); // ok: secret.inline

let assertionToken: string | undefined;
const partnerTokens = new Map<string, string>(); // expect: token.storage

function buildAssertion(): string {
  return jwt.sign( // expect: token.expiry
    { scope: 'pricing:read' },
    SIGNING_KEY,
    { algorithm: 'RS256', issuer: 'inventory-sync', subject: 'inventory-sync', audience: PRICING_URL, keyid: 'inv-sync-2024-09' },
  );
}

async function serviceToken(): Promise<string> {
  if (assertionToken) return assertionToken; // expect: token.expiry
  const { data } = await axios.post(`${PRICING_URL}/oauth/token`, new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: buildAssertion(),
  }));
  assertionToken = data.access_token as string;
  return assertionToken;
}

async function partnerToken(tenantId: string): Promise<string> {
  const hit = partnerTokens.get(tenantId);
  if (hit) return hit;
  const { data } = await axios.post(`${PARTNER_GATEWAY}/tenants/${tenantId}/tokens`, null, {
    headers: { Authorization: `Bearer ${await serviceToken()}` },
  });
  partnerTokens.set(tenantId, data.access_token);
  return data.access_token;
}

export interface PriceQuote {
  sku: string;
  currency: string;
  listCents: number;
  netCents: number;
}

export async function quote(tenantId: string | null, skus: string[]): Promise<PriceQuote[]> {
  const token = tenantId ? await partnerToken(tenantId) : await serviceToken();
  const { data } = await axios.post<{ quotes: PriceQuote[] }>(
    `${PRICING_URL}/v2/quotes`,
    { skus },
    { headers: { Authorization: `Bearer ${token}` }, timeout: 5_000 },
  );
  return data.quotes;
}

export function resetPricingAuth() {
  assertionToken = undefined;
  partnerTokens.clear();
}
