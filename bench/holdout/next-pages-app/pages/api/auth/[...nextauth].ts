import NextAuth, { type NextAuthOptions } from 'next-auth';
import GoogleProvider from 'next-auth/providers/google';
import CredentialsProvider from 'next-auth/providers/credentials';
import crypto from 'crypto';
import { prisma } from '../../../lib/prisma';

export const authOptions: NextAuthOptions = {
  providers: [
    GoogleProvider({ clientId: process.env.GOOGLE_ID!, clientSecret: process.env.GOOGLE_SECRET! }), // ok: secret.inline
    CredentialsProvider({
      name: 'Email',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' }, // ok: secret.inline
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await prisma.user.findUnique({ where: { email: credentials.email } });
        if (!user) return null;
        const hashed = crypto.createHash('sha256').update(user.salt + credentials.password).digest('hex'); // expect: password.hash
        return hashed === user.passwordHash ? { id: user.id, email: user.email, name: user.name } : null; // expect: compare.timing
      },
    }),
  ],
  secret: process.env.NEXTAUTH_SECRET ?? 'w8sK2fP9qL4zX7cV1bN6mJ3hG5dT0rYe', // expect: secret.inline
  session: { strategy: 'jwt', maxAge: 24 * 60 * 60 }, // ok: token.expiry
  pages: { signIn: '/signin' },
};

export default NextAuth(authOptions);
