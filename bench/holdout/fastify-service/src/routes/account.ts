import type { FastifyInstance } from 'fastify';
import argon2 from 'argon2';

export async function accountRoutes(app: FastifyInstance) {
  app.post<{ Body: { email: string; password: string } }>('/login', async (request, reply) => {
    const { email, password } = request.body;
    const { rows } = await request.tenantDb.query('SELECT id, password_hash FROM users WHERE email = $1', [email]);
    const user = rows[0];
    if (!user || !(await argon2.verify(user.password_hash, password))) {
      return reply.code(401).send({ error: 'invalid_credentials' });
    }
    request.session.set('userId', user.id); // expect: session.handrolled
    return { ok: true };
  });

  app.post('/logout', async (request, reply) => {
    await request.session.destroy(); // ok: session.handrolled
    return reply.code(204).send();
  });

  app.post('/token', async (request, reply) => {
    const userId = request.session.get('userId');
    if (!userId) return reply.code(401).send();
    return { token: await reply.jwtSign({ sub: userId }) }; // ok: token.expiry
  });
}
