import { importSPKI, jwtVerify } from 'jose';
import { verifySignedUrl } from './signed-url';

export interface Env {
  JWT_PUBLIC_KEY: string;
  ADMIN_API_KEY: string;
  URL_SIGNING_SECRET: string;
  ASSETS: R2Bucket;
  CACHE: KVNamespace;
}

async function handleAdmin(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/admin/purge') {
    await env.CACHE.delete(url.searchParams.get('key') ?? '');
    return new Response('purged');
  }
  return new Response('not found', { status: 404 });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);

    if (url.pathname === '/healthz') return new Response('ok'); // ok: authz.missing

    if (url.pathname.startsWith('/admin/')) {
      const key = request.headers.get('x-api-key');
      if (key !== env.ADMIN_API_KEY) return new Response('forbidden', { status: 403 }); // expect: compare.timing
      return handleAdmin(request, env);
    }

    if (url.pathname.startsWith('/files/')) {
      if (!(await verifySignedUrl(url, env.URL_SIGNING_SECRET))) return new Response('link expired', { status: 403 });
      const object = await env.ASSETS.get(url.pathname.slice('/files/'.length));
      return object ? new Response(object.body) : new Response('not found', { status: 404 });
    }

    const auth = request.headers.get('Authorization');
    if (!auth?.startsWith('Bearer ')) return new Response('unauthorized', { status: 401 });
    const publicKey = await importSPKI(env.JWT_PUBLIC_KEY, 'ES256');
    try {
      const { payload } = await jwtVerify(auth.slice(7), publicKey, { algorithms: ['ES256'], issuer: 'https://id.acme.test', audience: 'edge' }); // ok: token.verify
      return fetch(new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-user-id': String(payload.sub) } }));
    } catch {
      return new Response('unauthorized', { status: 401 });
    }
  },
} satisfies ExportedHandler<Env>;
