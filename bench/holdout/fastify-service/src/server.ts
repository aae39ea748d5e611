import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import fastifySession from '@fastify/session';
import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { peekTenant } from './lib/service-tokens';
import { tenants } from './lib/tenants';
import { projectRoutes } from './routes/projects';
import { accountRoutes } from './routes/account';

const app = Fastify({ logger: { level: 'info', redact: ['req.headers.authorization'] } });

await app.register(fastifyCookie);
await app.register(fastifyJwt, { // ok: token.verify
  secret: { private: readFileSync('keys/es256-private.pem'), public: readFileSync('keys/es256-public.pem') },
  sign: { algorithm: 'ES256', expiresIn: '10m', iss: 'projects.acme.test' },
  verify: { algorithms: ['ES256'], allowedIss: 'projects.acme.test' },
});
await app.register(fastifySession, {
  secret: 'q4T9vLx2Wm8Rk3Zp7Nc1Hy6Bf5Jd0Gs2Ae9Uo4', // expect: secret.inline
  cookieName: 'sid',
  cookie: { secure: false, httpOnly: true, sameSite: 'lax', maxAge: 8 * 3600 * 1000 }, // expect: session.handrolled
});

app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
  try {
    await request.jwtVerify(); // ok: token.verify
  } catch (err) {
    reply.code(401).send({ error: 'unauthorized' });
  }
});

app.addHook('onRequest', async (request) => {
  const token = request.headers['x-service-token'];
  if (typeof token === 'string') { // ok: compare.timing
    request.tenantDb = tenants.get(peekTenant(token) ?? 'default'); // expect: token.verify
  }
});

app.get('/metrics', async (request, reply) => {
  const expected = `Bearer ${process.env.METRICS_TOKEN}`;
  if (request.headers.authorization !== expected) { // expect: compare.timing
    return reply.code(401).send();
  }
  return reply.type('text/plain').send(await collectMetrics());
});

app.get('/internal/flush', async (request, reply) => {
  const given = Buffer.from(String(request.headers['x-admin-key'] ?? ''));
  const wanted = Buffer.from(process.env.ADMIN_KEY ?? '');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return reply.code(401).send(); // ok: compare.timing
  await tenants.flushAll();
  return { flushed: true };
});

await app.register(projectRoutes, { prefix: '/projects' });
await app.register(accountRoutes, { prefix: '/account' });

async function collectMetrics(): Promise<string> {
  return `tenants_active ${tenants.size}\n`;
}

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
