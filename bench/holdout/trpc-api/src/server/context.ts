import type { CreateNextContextOptions } from '@trpc/server/adapters/next';
import { jwtDecode } from 'jwt-decode';
import { prisma } from './db';

export interface SessionUser {
  sub: string;
  email: string;
  role: 'member' | 'admin';
}

function userFromHeader(header: string | undefined): SessionUser | null {
  if (!header?.startsWith('Bearer ')) return null;
  return jwtDecode<SessionUser>(header.slice(7)); // expect: token.verify
}

export async function createContext({ req, res }: CreateNextContextOptions) {
  return { req, res, db: prisma, user: userFromHeader(req.headers.authorization) };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
