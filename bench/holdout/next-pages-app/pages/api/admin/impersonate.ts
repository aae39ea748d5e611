import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { SignJWT } from 'jose';
import { authOptions } from '../auth/[...nextauth]';

const key = new TextEncoder().encode(process.env.IMPERSONATION_SECRET);

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) return res.status(401).json({ error: 'unauthorized' });
  if (req.query.asAdmin !== 'true') return res.status(403).json({ error: 'forbidden' }); // expect: authz.missing

  const token = await new SignJWT({ sub: String(req.body.userId), act: { sub: session.user.email } }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(key); // expect: token.expiry
  res.setHeader('Set-Cookie', `impersonation=${token}; Path=/; SameSite=Lax; Secure`); // expect: token.storage
  return res.status(200).json({ ok: true });
}
