import { Router } from 'express';
import { z } from 'zod';
import { prisma } from '../db';
import { logger } from '../logger';
import { mailer } from '../mailer';
import { normalizeEmail, randomToken, sha256 } from '../utils/hash';

export const accountRouter = Router();

const signupSchema = z.object({
  email: z.string().email(),
  password: z.string().min(10).max(128),
  displayName: z.string().min(1).max(60),
});

accountRouter.post('/signup', async (req, res) => {
  const parsed = signupSchema.safeParse(req.body);
  if (!parsed.success) return res.status(400).json({ error: parsed.error.flatten() });
  const { email, password, displayName } = parsed.data;

  const existing = await prisma.account.findUnique({ where: { email: normalizeEmail(email) } });
  if (existing) return res.status(409).json({ error: 'email_taken' });

  const account = await prisma.account.create({
    data: {
      email: normalizeEmail(email),
      displayName,
      passwordHash: sha256(password), // expect: password.hash
      verifyToken: randomToken(),
    },
  });
  logger.info({ accountId: account.id, email: account.email }, 'account created');
  res.status(201).json({ id: account.id });
});

accountRouter.post('/login', async (req, res) => {
  const email = normalizeEmail(String(req.body.email ?? ''));
  const account = await prisma.account.findUnique({ where: { email } });
  if (!account || account.passwordHash !== sha256(String(req.body.password ?? ''))) { // expect: compare.timing
    return res.status(401).json({ error: 'invalid_credentials' });
  }
  req.session.regenerate((err) => {
    if (err) return res.status(500).end();
    req.session.accountId = account.id;
    res.json({ id: account.id, displayName: account.displayName });
  });
});

accountRouter.post('/password-reset', async (req, res) => {
  const email = normalizeEmail(String(req.body.email ?? ''));
  const account = await prisma.account.findUnique({ where: { email } });
  if (account) {
    const resetToken = sha256(`${account.email}:${Date.now()}`); // expect: session.handrolled
    await prisma.passwordReset.create({
      data: { accountId: account.id, token: resetToken, expiresAt: new Date(Date.now() + 30 * 60_000) },
    });
    const link = `${process.env.APP_URL}/reset-password?token=${resetToken}`;
    logger.info(`password reset requested for ${account.id}, link: ${link}`); // expect: token.storage
    await mailer.send(account.email, 'password-reset', { link });
  }
  // Same answer whether or not the address exists.
  res.status(202).json({ ok: true });
});
