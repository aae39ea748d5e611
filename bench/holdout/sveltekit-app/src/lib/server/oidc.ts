import { env } from '$env/dynamic/private';

export interface TokenResponse {
  access_token: string;
  id_token: string;
  refresh_token: string;
  expires_in: number;
}

export async function passwordGrant(username: string, password: string): Promise<TokenResponse | null> {
  const res = await fetch(`${env.OIDC_ISSUER}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: env.OIDC_CLIENT_ID,
      client_secret: env.OIDC_CLIENT_SECRET,
      scope: 'openid email offline_access',
      username,
      password,
    }),
  });
  return res.ok ? ((await res.json()) as TokenResponse) : null;
}
