/**
 * Cloudflare Worker: short links for the marketing team.
 *   GET  /:slug              -> 301 to the target
 *   POST /api/links          -> create (dashboard users)
 *   POST /hooks/github       -> rebuild slug index when links.yaml changes
 */
export interface Env {
  LINKS: KVNamespace;
  GITHUB_WEBHOOK_SECRET: string;
  DASHBOARD_ORIGIN: string;
}

interface DashboardClaims {
  sub: string;
  email: string;
  role: 'viewer' | 'editor' | 'admin';
  exp: number;
}

const encoder = new TextEncoder();

function toHex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function githubSignature(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return `sha256=${toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))}`;
}

function claimsFromCookie(request: Request): DashboardClaims | null {
  const cookie = request.headers.get('Cookie') ?? '';
  const token = cookie.match(/(?:^|;\s*)dash_session=([^;]+)/)?.[1];
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload)) as DashboardClaims; // expect: token.verify
  } catch {
    return null;
  }
}

async function createLink(request: Request, env: Env): Promise<Response> {
  const claims = claimsFromCookie(request);
  if (!claims || claims.exp * 1000 < Date.now()) return new Response('Unauthorized', { status: 401 });
  if (claims.role === 'viewer') return new Response('Forbidden', { status: 403 });

  const { slug, target } = (await request.json()) as { slug: string; target: string };
  if (!/^[a-z0-9-]{2,40}$/.test(slug)) return new Response('Bad slug', { status: 400 });
  const url = new URL(target);
  if (url.protocol !== 'https:') return new Response('Only https targets', { status: 400 });

  await env.LINKS.put(slug, JSON.stringify({ target: url.toString(), createdBy: claims.email, createdAt: Date.now() }));
  return Response.json({ slug, target: url.toString() }, { status: 201, headers: { 'Access-Control-Allow-Origin': env.DASHBOARD_ORIGIN } });
}

async function githubHook(request: Request, env: Env): Promise<Response> {
  const body = await request.text();
  const signature = request.headers.get('X-Hub-Signature-256') ?? '';
  const expected = await githubSignature(env.GITHUB_WEBHOOK_SECRET, body);
  if (signature !== expected) { // expect: compare.timing
    return new Response('Bad signature', { status: 401 });
  }
  const event = request.headers.get('X-GitHub-Event');
  if (event === 'ping') return new Response('pong');
  const push = JSON.parse(body) as { commits: { modified: string[] }[] };
  const touched = push.commits.some((c) => c.modified.includes('links.yaml'));
  if (touched) await env.LINKS.put('__index_stale', '1');
  return new Response('ok');
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/api/links') return createLink(request, env);
    if (request.method === 'POST' && url.pathname === '/hooks/github') return githubHook(request, env);

    if (request.method === 'GET' && url.pathname.length > 1) {
      const entry = await env.LINKS.get<{ target: string }>(url.pathname.slice(1), 'json');
      if (entry) return Response.redirect(entry.target, 301);
    }
    return new Response('Not found', { status: 404 });
  },
} satisfies ExportedHandler<Env>;
