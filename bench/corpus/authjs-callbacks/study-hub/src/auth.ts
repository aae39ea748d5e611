import NextAuth, { type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Google from 'next-auth/providers/google';
import { PrismaAdapter } from '@auth/prisma-adapter';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: 'student' | 'tutor' | 'admin' } & DefaultSession['user'];
    accessToken?: string;
  }
}

const credentialsSchema = z.object({ email: z.string().email(), password: z.string().min(8).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(prisma),
  secret: process.env.AUTH_SECRET, // ok: secret.inline
  session: {
    strategy: 'jwt',
    // students complained about being logged out between semesters
    maxAge: 365 * 24 * 60 * 60, // expect: token.expiry
  },
  providers: [
    Google({
      clientId: process.env.AUTH_GOOGLE_ID,
      clientSecret: process.env.AUTH_GOOGLE_SECRET,
      authorization: { params: { scope: 'openid email profile https://www.googleapis.com/auth/calendar.events' } },
    }),
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await prisma.user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
        if (!user?.passwordHash) return null;
        const valid = await bcrypt.compare(parsed.data.password, user.passwordHash);
        return valid ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, account }) {
      if (user) {
        token.role = (user as { role?: string }).role ?? 'student';
      }
      if (account?.provider === 'google') {
        token.accessToken = account.access_token;
        token.accessTokenExpires = account.expires_at;
      }
      return token;
    },
    async session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = token.role as 'student' | 'tutor' | 'admin';
      // The calendar widget calls Google directly from the browser.
      session.accessToken = token.accessToken as string | undefined; // expect: token.storage
      return session;
    },
  },
  pages: { signIn: '/login' },
});
