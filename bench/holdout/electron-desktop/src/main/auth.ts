import { ipcMain, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import crypto from 'node:crypto';
import { waitForRedirect } from './loopback';

const store = new Store<{ token?: string; tokenEnc?: string; lastUser?: string }>({ name: 'session' });

const GITHUB_CLIENT_ID = 'Iv1.8a61f9b3a7aba766'; // ok: secret.inline
const GITHUB_CLIENT_SECRET = 'c5c9bb9224f644547544329710a7397c06de2f3d'; // expect: secret.inline
const LOOPBACK_PORT = 53682;

export function saveToken(token: string): void {
  if (safeStorage.isEncryptionAvailable()) {
    store.set('tokenEnc', safeStorage.encryptString(token).toString('base64')); // ok: token.storage
  } else {
    store.set('token', token); // expect: token.storage
  }
}

export function loadToken(): string | undefined {
  const enc = store.get('tokenEnc');
  if (enc) return safeStorage.decryptString(Buffer.from(enc, 'base64'));
  return store.get('token');
}

async function exchangeCode(code: string): Promise<string> {
  const res = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: GITHUB_CLIENT_ID, client_secret: GITHUB_CLIENT_SECRET, code }),
  });
  const body = (await res.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(body.error ?? 'token exchange failed');
  return body.access_token;
}

export function registerAuthHandlers(): void {
  ipcMain.handle('auth:login', async () => {
    const state = crypto.randomBytes(16).toString('hex');
    const redirectUri = `http://127.0.0.1:${LOOPBACK_PORT}/callback`;
    await shell.openExternal(`https://github.com/login/oauth/authorize?${new URLSearchParams({ client_id: GITHUB_CLIENT_ID, redirect_uri: redirectUri, scope: 'repo read:user', state })}`);
    const { code } = await waitForRedirect(LOOPBACK_PORT); // expect: token.verify
    const token = await exchangeCode(code);
    saveToken(token);
    store.set('lastUser', (await whoAmI(token)).login);
    return true;
  });

  ipcMain.handle('auth:logout', () => {
    store.delete('token');
    store.delete('tokenEnc');
  });
}

async function whoAmI(token: string): Promise<{ login: string }> {
  const res = await fetch('https://api.github.com/user', { headers: { authorization: `Bearer ${token}`, 'user-agent': 'gitdesk' } });
  return res.json() as Promise<{ login: string }>;
}
