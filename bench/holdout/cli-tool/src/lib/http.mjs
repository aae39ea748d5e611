import { getToken } from './credentials.mjs';

const API_URL = process.env.DEPLOYCTL_API_URL ?? 'https://api.deployctl.test';
// Read-only token for the public template registry, so `deployctl templates` works before login.
const REGISTRY_TOKEN = 'ghp_9QUD0sVQbEPDHsbyE4INsWKV6leK09jTUM0D'; // expect: secret.inline

function redact(token) {
  return token ? `${token.slice(0, 4)}…(${token.length} chars)` : '<none>';
}

export async function request(path, { method = 'GET', body, verbose = false } = {}) {
  const token = await getToken();
  if (verbose) console.error(`> ${method} ${API_URL}${path}\n> authorization: Bearer ${redact(token)}`); // ok: token.storage
  const res = await fetch(`${API_URL}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'user-agent': 'deployctl/1.8.2' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export async function listTemplates({ debug = false } = {}) {
  const headers = { authorization: `token ${REGISTRY_TOKEN}`, accept: 'application/vnd.github+json' };
  if (debug) console.error('GET templates', headers); // expect: token.storage
  const res = await fetch('https://api.github.com/repos/deployctl/templates/contents', { headers });
  return res.json();
}
