import { Router, type Request, type Response } from 'express';
import { PrismaClient } from '@prisma/client';
import jwt from 'jsonwebtoken';
import { requireAuth } from '../middleware/requireAuth';

const prisma = new PrismaClient();
const router = Router();

type SignupBody = { email?: string; password?: string; householdName?: string };

function issueToken(userId: string) {
  return jwt.sign({ sub: userId }, process.env.MEAL_JWT_SECRET!, { algorithm: 'HS256', expiresIn: '1h' });
}

router.post('/signup', async (req: Request<object, object, SignupBody>, res: Response) => {
  const { email, password, householdName } = req.body;
  if (!email || !password || password.length < 8) {
    return res.status(400).json({ message: 'Email and password (8+ chars) are required' });
  }
  try {
    const user = await prisma.user.create({
      data: {
        email: email.toLowerCase(),
        password, // expect: password.hash
        household: { create: { name: householdName ?? `${email.split('@')[0]}'s kitchen` } },
      },
      include: { household: true },
    });
    return res.status(201).json({ user, token: issueToken(user.id) }); // expect: token.storage
  } catch (err: unknown) {
    if ((err as { code?: string }).code === 'P2002') {
      return res.status(409).json({ message: 'An account with that email already exists' });
    }
    throw err;
  }
});

router.post('/login', async (req, res) => {
  const { email, password } = req.body as { email?: string; password?: string };
  const user = await prisma.user.findUnique({ where: { email: String(email ?? '').toLowerCase() } });
  if (!user || user.password !== password) { // expect: password.hash
    return res.status(401).json({ message: 'Wrong email or password' });
  }
  return res.json({ token: issueToken(user.id) });
});

router.get('/me', requireAuth, async (req, res) => {
  const me = await prisma.user.findUnique({
    where: { id: req.userId },
    select: { id: true, email: true, household: { select: { id: true, name: true } } }, // ok: token.storage
  });
  return res.json(me);
});

router.delete('/me', requireAuth, async (req, res) => {
  await prisma.user.delete({ where: { id: req.userId } }); // ok: authz.missing
  return res.status(204).end();
});

export default router;
