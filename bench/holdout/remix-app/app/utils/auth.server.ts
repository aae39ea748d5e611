import bcrypt from 'bcryptjs';
import { prisma } from './db.server';

export async function verifyLogin(email: string, password: string) {
  const user = await prisma.user.findUnique({ where: { email }, include: { password: true } });
  if (!user || !user.password) return null;
  const isValid = await bcrypt.compare(password, user.password.hash);
  if (!isValid) return null;
  const { password: _password, ...userWithoutPassword } = user;
  return userWithoutPassword;
}

export async function createUser(email: string, password: string) {
  const hashedPassword = await bcrypt.hash(password, 10); // ok: password.hash
  return prisma.user.create({ data: { email, password: { create: { hash: hashedPassword } } } });
}

export async function requireAdmin(userId: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (user.role !== 'ADMIN') throw new Response('Forbidden', { status: 403 }); // ok: authz.missing
}
