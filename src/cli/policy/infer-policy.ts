/**
 * What `trustline init` can tell about a project without asking: the identity-provider SDK, the secret-store
 * client, the session and JWT libraries (from package.json dependencies, workspaces included), and likely
 * client/server/edge folders and auth modules (from the folders that exist).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Facts found in the project. */
export interface ProjectFacts {
  /** Identity providers whose SDKs are installed, with the packages that gave them away. */
  identityProviders: Array<{ id: string; packages: string[] }>;
  secretStores: Array<{ id: string; packages: string[] }>;
  sessionLibraries: string[];
  jwtLibraries: string[];
  /** Folders (relative, forward slashes) that look like client, server or edge code. */
  client: string[];
  server: string[];
  edge: string[];
  /** Folders that look like the home of auth code. */
  authModules: string[];
  /** package.json files read. */
  manifests: string[];
}

const IDENTITY_PROVIDERS: Array<[string, RegExp]> = [
  ['auth0', /^(@auth0\/|auth0$|auth0-js$|express-openid-connect$|passport-auth0$|react-native-auth0$)/],
  ['okta', /^(@okta\/|passport-okta)/],
  ['entra-id', /^(@azure\/msal-|passport-azure-ad$|@azure\/identity$)/],
  ['cognito', /^(amazon-cognito-identity-js$|@aws-amplify\/|aws-amplify$|@aws-sdk\/client-cognito-identity-provider$|aws-jwt-verify$)/],
  ['keycloak', /^(keycloak-|@keycloak\/|keycloak$)/],
  ['clerk', /^@clerk\//],
  ['authjs', /^(next-auth$|@auth\/)/],
  ['firebase', /^(firebase$|firebase-admin$|@firebase\/|@react-native-firebase\/)/],
  ['supabase', /^@supabase\//],
];

const SECRET_STORES: Array<[string, RegExp]> = [
  ['aws-secrets-manager', /^(@aws-sdk\/client-secrets-manager$|aws-secrets-manager-)/],
  ['azure-key-vault', /^@azure\/keyvault-secrets$/],
  ['gcp-secret-manager', /^@google-cloud\/secret-manager$/],
  ['vault', /^(node-vault$|hashi-vault-js$|@hashicorp\/vault)/],
  ['doppler', /^(@dopplerhq\/|doppler-)/],
];

const SESSION_LIBRARIES = ['express-session', 'cookie-session', 'koa-session', '@fastify/session', '@fastify/secure-session', 'iron-session'];
const JWT_LIBRARIES = ['jsonwebtoken', 'jose', '@nestjs/jwt', '@fastify/jwt', 'express-jwt', 'passport-jwt'];

const CLIENT_DIRS = ['client', 'frontend', 'web', 'src/client', 'src/components', 'src/hooks', 'src/pages', 'components', 'hooks', 'apps/web', 'apps/frontend', 'packages/web', 'packages/ui'];
const SERVER_DIRS = ['server', 'backend', 'api', 'src/server', 'src/api', 'src/routes', 'pages/api', 'src/pages/api', 'app/api', 'src/app/api', 'apps/api', 'apps/server', 'apps/backend', 'packages/api', 'functions'];
const EDGE_FILES = ['middleware.ts', 'middleware.js', 'src/middleware.ts', 'src/middleware.js'];
const AUTH_DIRS = ['src/auth', 'src/lib/auth', 'lib/auth', 'auth', 'src/server/auth', 'server/auth', 'packages/auth', 'libs/auth'];

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function dependencyNames(manifest: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = manifest[key];
    if (typeof deps === 'object' && deps !== null) names.push(...Object.keys(deps));
  }
  return names;
}

/** package.json files of npm/yarn/pnpm workspaces (`packages/*`, `apps/*` patterns; one level of `*`). */
function workspaceManifests(dir: string, manifest: Record<string, unknown>): string[] {
  const ws = manifest.workspaces;
  const patterns = Array.isArray(ws) ? ws : typeof ws === 'object' && ws !== null && Array.isArray(Reflect.get(ws, 'packages')) ? (Reflect.get(ws, 'packages') as unknown[]) : [];
  const out: string[] = [];
  for (const pattern of patterns) {
    if (typeof pattern !== 'string') continue;
    const clean = pattern.replace(/\/\*\*?$/, '');
    const base = path.join(dir, clean);
    if (pattern.endsWith('*')) {
      if (!isDir(base)) continue;
      for (const entry of readdirSync(base)) {
        const file = path.join(base, entry, 'package.json');
        if (existsSync(file)) out.push(file);
      }
    } else if (existsSync(path.join(base, 'package.json'))) out.push(path.join(base, 'package.json'));
  }
  return out;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function detect(table: Array<[string, RegExp]>, deps: string[]): Array<{ id: string; packages: string[] }> {
  const found: Array<{ id: string; packages: string[] }> = [];
  for (const [id, re] of table) {
    const packages = deps.filter((d) => re.test(d));
    if (packages.length > 0) found.push({ id, packages });
  }
  return found;
}

/**
 * Inspects a project folder.
 * @param dir - The folder `trustline init` writes the policy to.
 */
export function inferProjectFacts(dir: string): ProjectFacts {
  const manifests: string[] = [];
  const deps = new Set<string>();
  const root = path.join(dir, 'package.json');
  const rootManifest = existsSync(root) ? readManifest(root) : undefined;
  if (rootManifest) {
    manifests.push(root);
    for (const d of dependencyNames(rootManifest)) deps.add(d);
    for (const file of workspaceManifests(dir, rootManifest)) {
      const m = readManifest(file);
      if (!m) continue;
      manifests.push(file);
      for (const d of dependencyNames(m)) deps.add(d);
    }
  }
  const all = [...deps].sort();
  const nextApp = deps.has('next');
  return {
    identityProviders: detect(IDENTITY_PROVIDERS, all),
    secretStores: detect(SECRET_STORES, all),
    sessionLibraries: SESSION_LIBRARIES.filter((l) => deps.has(l)),
    jwtLibraries: JWT_LIBRARIES.filter((l) => deps.has(l)),
    client: CLIENT_DIRS.filter((d) => isDir(path.join(dir, d))),
    server: SERVER_DIRS.filter((d) => isDir(path.join(dir, d))),
    edge: nextApp ? EDGE_FILES.filter((f) => existsSync(path.join(dir, f))) : [],
    authModules: AUTH_DIRS.filter((d) => isDir(path.join(dir, d))),
    manifests: manifests.map((m) => path.relative(dir, m).split(path.sep).join('/')),
  };
}
