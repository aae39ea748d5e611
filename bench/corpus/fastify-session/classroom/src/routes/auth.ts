import { pbkdf2 as pbkdf2Cb, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { db } from '../db';

const pbkdf2 = promisify(pbkdf2Cb);

async function derive(password: string, salt: Buffer) {
  return pbkdf2(password, salt, 1000, 32, 'sha512'); // expect: password.hash
}

export async function hashPassword(password: string) {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `${salt.toString('base64')}:${key.toString('base64')}`;
}

async function checkPassword(password: string, stored: string) {
  const [saltB64, keyB64] = stored.split(':');
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await derive(password, Buffer.from(saltB64, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export default async function authRoutes(app: FastifyInstance) {
  app.post<{ Body: { username: string; password: string } }>('/login', async (request, reply) => {
    const student = await db.accounts.findByUsername(request.body.username);
    if (!student || !(await checkPassword(request.body.password, student.passwordHash))) {
      return reply.code(401).send({ error: 'invalid_credentials' });
    }
    await request.session.regenerate();
    request.session.userId = student.id;
    request.session.role = student.role;
    request.session.classIds = await db.enrolments.classIdsFor(student.id);
    return { id: student.id, role: student.role };
  });

  // A student account becomes a teacher account by entering the code the school admin handed out.
  app.post<{ Body: { code: string } }>('/upgrade-to-teacher', async (request, reply) => {
    if (!request.session.userId) return reply.code(401).send();
    const invite = await db.teacherInvites.findActive(request.body.code);
    if (!invite) return reply.code(400).send({ error: 'invalid_code' });

    await db.accounts.setRole(request.session.userId, 'teacher');
    await db.teacherInvites.markUsed(invite.id, request.session.userId);
    request.session.role = 'teacher'; // expect: session.handrolled
    return { role: 'teacher' };
  });

  app.post('/logout', async (request, reply) => {
    await request.session.destroy();
    return reply.code(204).send();
  });
}
