type Cached = { value: string; expiresAt: number };

const cache = new Map<string, Cached>();
const SAFETY_MARGIN_MS = 60_000;

export async function getAccessToken(tenant: string): Promise<string> {
  const hit = cache.get(tenant);
  if (hit && hit.expiresAt - SAFETY_MARGIN_MS > Date.now()) return hit.value; // ok: token.expiry
  const res = await fetch(`${process.env.CRM_AUTH_URL}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.CRM_CLIENT_ID!, client_secret: process.env.CRM_CLIENT_SECRET!, scope: `tenant:${tenant}` }),
  });
  if (!res.ok) throw new Error(`token request failed: ${res.status}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  cache.set(tenant, { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 }); // ok: token.expiry
  return body.access_token;
}

export function forget(tenant: string) {
  cache.delete(tenant);
}
