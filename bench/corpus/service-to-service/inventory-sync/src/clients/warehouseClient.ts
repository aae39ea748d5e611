import { request } from 'undici';
import pRetry from 'p-retry';
import { logger } from '../logger';

const TOKEN_URL = requiredEnv('WMS_TOKEN_URL');
const WMS_BASE = requiredEnv('WMS_BASE_URL');
const CLIENT_ID = requiredEnv('WMS_CLIENT_ID');
const CLIENT_SECRET = requiredEnv('WMS_CLIENT_SECRET');
const EXPIRY_SKEW_MS = 60_000;

function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

let cached: CachedToken | null = null; // ok: token.storage
let pending: Promise<CachedToken> | null = null;

async function fetchToken(): Promise<CachedToken> {
  const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64');
  const res = await request(TOKEN_URL, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'wms.stock:read wms.stock:write' }).toString(),
  });
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`WMS token endpoint returned ${res.statusCode}`);
  }
  const body = (await res.body.json()) as { access_token: string; expires_in: number };
  logger.debug({ expiresIn: body.expires_in }, 'wms token refreshed');
  return { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
}

export async function getWmsToken(): Promise<string> {
  if (cached && cached.expiresAt - EXPIRY_SKEW_MS > Date.now()) { // ok: token.expiry
    return cached.value;
  }
  pending ??= fetchToken().finally(() => {
    pending = null;
  });
  cached = await pending;
  return cached.value;
}

export function invalidateWmsToken() {
  cached = null;
}

async function wms<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  return pRetry(
    async () => {
      const res = await request(`${WMS_BASE}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await getWmsToken()}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.statusCode === 401) {
        invalidateWmsToken();
        await res.body.dump();
        throw new Error('WMS rejected token');
      }
      if (res.statusCode >= 500) {
        await res.body.dump();
        throw new Error(`WMS ${res.statusCode}`);
      }
      return (await res.body.json()) as T;
    },
    { retries: 3, minTimeout: 200 },
  );
}

export const warehouse = {
  stockLevels: (sku: string) => wms<{ sku: string; onHand: number; reserved: number }>('GET', `/v1/stock/${encodeURIComponent(sku)}`),
  adjust: (sku: string, delta: number, reason: string) => wms('POST', '/v1/stock/adjustments', { sku, delta, reason }),
};
