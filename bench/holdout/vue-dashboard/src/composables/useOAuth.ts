import { set } from 'idb-keyval';
import { http } from '@/lib/http';

const AUTHORIZE_URL = 'https://id.acme.test/oauth2/authorize';
const CLIENT_ID = 'dashboard-web';

function base64url(bytes: ArrayBuffer | Uint8Array) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function startLogin() {
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))); // ok: password.hash
  sessionStorage.setItem('oauth_state', state); // ok: token.storage
  sessionStorage.setItem('pkce_verifier', verifier);
  const params = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: `${location.origin}/callback`, scope: 'openid offline_access', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${AUTHORIZE_URL}?${params}`);
}

export async function handleCallback() {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const expected = sessionStorage.getItem('oauth_state');
  if (!code || !expected || params.get('state') !== expected) throw new Error('OAuth state mismatch'); // ok: compare.timing
  const verifier = sessionStorage.getItem('pkce_verifier') ?? '';
  sessionStorage.removeItem('oauth_state');
  sessionStorage.removeItem('pkce_verifier');
  const tokens = await http.post('oauth/token', { json: { grant_type: 'authorization_code', code, code_verifier: verifier, client_id: CLIENT_ID, redirect_uri: `${location.origin}/callback` } }).json<{ access_token: string; refresh_token: string }>();
  await set('refresh_token', tokens.refresh_token); // expect: token.storage
  return tokens.access_token;
}
