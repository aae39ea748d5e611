import { generateCodeChallenge, generateCodeVerifier } from './pkce';

const ISSUER = import.meta.env.VITE_OIDC_ISSUER; // e.g. https://login.tallyfield.io
const CLIENT_ID = import.meta.env.VITE_OIDC_CLIENT_ID;
const REDIRECT_URI = `${window.location.origin}/auth/callback`;

export const SESSION_KEYS = {
  idToken: 'ops.session.id_token',
  accessToken: 'ops.session.access_token',
  returnTo: 'ops.session.return_to',
  verifier: 'ops.pkce.verifier',
  state: 'ops.pkce.state',
} as const;

interface TokenResponse {
  access_token: string;
  id_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
}

export async function beginLogin(returnTo = window.location.pathname) {
  const verifier = generateCodeVerifier();
  const state = crypto.randomUUID();
  sessionStorage.setItem(SESSION_KEYS.verifier, verifier); // ok: token.storage
  sessionStorage.setItem(SESSION_KEYS.state, state);
  sessionStorage.setItem(SESSION_KEYS.returnTo, returnTo); // ok: token.storage

  const params = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: 'openid profile email ops:read ops:write',
    state,
    code_challenge: await generateCodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${ISSUER}/authorize?${params}`);
}

export async function completeLogin(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const code = params.get('code');
  const expectedState = sessionStorage.getItem(SESSION_KEYS.state);
  if (!code || !expectedState || params.get('state') !== expectedState) { // ok: compare.timing
    throw new Error('Login response did not match the request');
  }

  const res = await fetch(`${ISSUER}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: sessionStorage.getItem(SESSION_KEYS.verifier) ?? '',
    }),
  });
  if (!res.ok) throw new Error(`Token exchange failed (${res.status})`);

  const tokens = (await res.json()) as TokenResponse;
  sessionStorage.setItem(SESSION_KEYS.idToken, tokens.id_token); // expect: token.storage
  sessionStorage.setItem(SESSION_KEYS.accessToken, tokens.access_token); // expect: token.storage
  sessionStorage.removeItem(SESSION_KEYS.verifier);
  sessionStorage.removeItem(SESSION_KEYS.state);

  const returnTo = sessionStorage.getItem(SESSION_KEYS.returnTo) ?? '/';
  sessionStorage.removeItem(SESSION_KEYS.returnTo);
  return returnTo;
}

export function logout() {
  const idToken = sessionStorage.getItem(SESSION_KEYS.idToken);
  sessionStorage.clear();
  const params = new URLSearchParams({ post_logout_redirect_uri: window.location.origin });
  if (idToken) params.set('id_token_hint', idToken); // ok: token.storage
  window.location.assign(`${ISSUER}/oidc/logout?${params}`);
}
