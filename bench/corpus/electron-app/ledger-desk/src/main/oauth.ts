import { safeStorage, shell } from 'electron';
import Store from 'electron-store';
import log from 'electron-log/main';
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const AUTH_BASE = 'https://auth.ledgerdesk.io';
const CLIENT_ID = 'ledger-desk-desktop';

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

// Tokens are encrypted with the OS keychain-backed key before they touch disk.
const store = new Store<{ auth?: string; lastEmail?: string }>({ name: 'session' });

function saveTokens(tokens: Tokens) {
  const blob = safeStorage.encryptString(JSON.stringify({ ...tokens, obtainedAt: Date.now() }));
  store.set('auth', blob.toString('base64')); // ok: token.storage
}

function loadTokens(): (Tokens & { obtainedAt: number }) | undefined {
  const raw = store.get('auth');
  if (!raw) return undefined;
  return JSON.parse(safeStorage.decryptString(Buffer.from(raw, 'base64')));
}

function base64url(buf: Buffer) {
  return buf.toString('base64url');
}

/** Authorization code + PKCE via a loopback redirect (RFC 8252). */
export async function signIn(): Promise<void> {
  const verifier = base64url(randomBytes(32)); // ok: session.handrolled
  const challenge = base64url(createHash('sha256').update(verifier).digest()); // ok: password.hash
  const state = base64url(randomBytes(16));

  const { code, redirectUri } = await new Promise<{ code: string; redirectUri: string }>((resolve, reject) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/callback') return void res.writeHead(404).end();
      res.end('You can close this window and return to Ledger Desk.');
      server.close();
      if (url.searchParams.get('state') !== state) return reject(new Error('State mismatch')); // ok: compare.timing
      const c = url.searchParams.get('code');
      return c ? resolve({ code: c, redirectUri }) : reject(new Error(url.searchParams.get('error') ?? 'No code'));
    });
    let redirectUri = '';
    server.listen(0, '127.0.0.1', () => {
      redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
      const params = new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: redirectUri,
        scope: 'openid email offline_access ledger.read ledger.write',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      void shell.openExternal(`${AUTH_BASE}/authorize?${params}`);
    });
    setTimeout(() => reject(new Error('Sign-in timed out')), 5 * 60_000).unref();
  });

  const res = await fetch(`${AUTH_BASE}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT_ID, code, redirect_uri: redirectUri, code_verifier: verifier }),
  });
  if (!res.ok) throw new Error(`Token endpoint returned ${res.status}`);

  const tokens = (await res.json()) as Tokens;
  log.info('signed in', { scope: tokens.scope, expiresIn: tokens.expires_in });
  saveTokens(tokens);
}

export function currentAccessToken(): string | undefined {
  const auth = loadTokens();
  if (!auth) return undefined;
  if (Date.now() > auth.obtainedAt + (auth.expires_in - 60) * 1000) return undefined; // ok: token.expiry
  return auth.access_token;
}

export function signOut() {
  store.delete('auth');
  log.info('signed out');
}
