import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import RedisStore from 'connect-redis';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface Session {
    userId?: string;
    role?: 'student' | 'teacher';
    classIds?: string[];
  }
}

export default fp(async function sessionPlugin(app: FastifyInstance) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    cookieName: 'classroom_sid',
    secret: process.env.SESSION_SECRET ?? 'cl4ssr00m-s3ss10n-s3cr3t-0123456789abcdef', // expect: secret.inline
    store: new RedisStore({ client: redis, prefix: 'sess:' }),
    saveUninitialized: false,
    rolling: true,
    cookie: {
      path: '/',
      httpOnly: true,
      // the gradebook is embedded in the school's LMS iframe
      sameSite: 'none',
      secure: false, // expect: token.storage
      maxAge: 4 * 60 * 60 * 1000, // ok: token.expiry
    },
  });

  app.decorate('requireTeacher', async (request, reply) => {
    if (!request.session.userId || request.session.role !== 'teacher') {
      return reply.code(403).send({ error: 'teachers_only' });
    }
  });
});
