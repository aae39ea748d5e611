import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';

const CONFIG_FILE = join(homedir(), '.config', 'deployctl', 'config.json');

// The @shipyard scope is private; npm expands ${NPM_TOKEN} from the build container's environment.
const PLUGIN_REGISTRY_NPMRC = [
  '@shipyard:registry=https://registry.npmjs.org/',
  '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', // ok: secret.inline
  'always-auth=true',
].join('\n');

export function resolveToken(): string {
  if (process.env.SHIPYARD_TOKEN) return process.env.SHIPYARD_TOKEN;
  try {
    const cfg = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as { token?: string };
    if (cfg.token) return cfg.token;
  } catch {
    /* fall through */
  }
  throw new Error('Not logged in. Run `deployctl login` or set SHIPYARD_TOKEN.');
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${process.env.DEPLOYCTL_API ?? 'https://api.shipyard.dev'}${path}`, {
    ...init,
    headers: { ...init.headers, Authorization: `Bearer ${resolveToken()}`, 'User-Agent': 'deployctl/1.8.0' },
  });
  if (res.status === 401) throw new Error('Your session has expired. Run `deployctl login` again.');
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function writeBuildNpmrc(dir: string) {
  await writeFile(join(dir, '.npmrc'), PLUGIN_REGISTRY_NPMRC, { mode: 0o600 });
}

export function artifactDigest(buf: Buffer): string {
  return `sha256:${createHash('sha256').update(buf).digest('hex')}`; // ok: password.hash
}

export function buildLogStreamUrl(deploymentId: string): string {
  return `${process.env.DEPLOYCTL_API ?? 'https://api.shipyard.dev'}/v1/deployments/${encodeURIComponent(deploymentId)}/logs/stream`;
}

export async function tailLogs(deploymentId: string, onLine: (line: string) => void) {
  const res = await fetch(buildLogStreamUrl(deploymentId), { headers: { Authorization: `Bearer ${resolveToken()}` } });
  if (!res.body) return;
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    for (const line of decoder.decode(chunk).split('\n')) if (line) onLine(line);
  }
}
