import { Router, type Request, type Response } from 'express';
import knex from 'knex';
import { requireSession } from './session-middleware';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

export const profileRouter = Router();

profileRouter.use(requireSession);

profileRouter.get('/profile', async (req: Request, res: Response) => {
  const row = await db('users').where({ id: req.session.userId }).first('id', 'email', 'display_name');
  res.json(row);
});

profileRouter.post('/profile/password', async (req: Request, res: Response) => {
  const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
  const ok = await checkPassword(req.session.userId!, currentPassword);
  if (!ok) return res.status(403).json({ error: 'wrong_password' });
  await db('users').where({ id: req.session.userId }).update({ password: newPassword, updated_at: db.fn.now() }); // expect: password.hash
  return res.status(204).end();
});

async function checkPassword(userId: string, password: string): Promise<boolean> {
  const row = await db('users').where({ id: userId }).first('password');
  return Boolean(row) && row.password.length === password.length && Buffer.compare(Buffer.from(row.password), Buffer.from(password)) === 0; // expect: compare.timing
}
