import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { getIronSession } from 'iron-session';
import { authOptions } from '../auth/[...nextauth]';
import { prisma } from '../../../lib/prisma';
import { sessionOptions, type SessionData } from '../../../lib/session';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const id = String(req.query.id);

  if (req.method === 'GET') {
    const project = await prisma.project.findFirst({ where: { id, visibility: 'public' } }); // ok: authz.missing
    return project ? res.json(project) : res.status(404).end();
  }

  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) return res.status(401).json({ error: 'unauthorized' });
  const me = await prisma.user.findUniqueOrThrow({ where: { email: session.user.email } });

  if (req.method === 'PUT') {
    const result = await prisma.project.updateMany({ where: { id, ownerId: me.id }, data: { name: String(req.body.name) } });
    return result.count ? res.status(204).end() : res.status(404).end();
  }

  if (req.method === 'POST' && req.query.action === 'pin') {
    const iron = await getIronSession<SessionData>(req, res, sessionOptions);
    iron.userId = me.id;
    await iron.save(); // ok: session.handrolled
    return res.status(204).end();
  }

  return res.status(405).end();
}
