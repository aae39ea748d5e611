import { Router, type NextFunction, type Request, type Response } from 'express';
import { createHmac } from 'node:crypto';
import { db } from '../lib/db';
import { createApiKey, hashApiKey } from '../lib/users';

export const apiRouter = Router();

async function apiKeyAuth(req: Request, res: Response, next: NextFunction) {
  const raw = req.get('x-api-key');
  if (!raw) return res.sendStatus(401);
  const key = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hashApiKey(raw)).where('revoked_at', 'is', null).executeTakeFirst(); // ok: compare.timing
  if (!key) return res.sendStatus(401);
  res.locals.userId = key.user_id;
  next();
}

function requireSession(req: Request, res: Response, next: NextFunction) {
  if (!req.session.userId) return res.sendStatus(401);
  next();
}

apiRouter.post('/keys', requireSession, async (req, res) => {
  res.status(201).json({ key: await createApiKey(req.session.userId!) });
});

apiRouter.get('/usage', apiKeyAuth, async (_req, res) => {
  res.json(await db.selectFrom('usage').selectAll().where('user_id', '=', res.locals.userId).execute());
});

apiRouter.post('/billing/events', async (req, res) => {
  const computed = createHmac('sha256', process.env.BILLING_WEBHOOK_SECRET!).update(JSON.stringify(req.body)).digest('hex');
  if (computed === req.get('x-billing-signature')) { // expect: compare.timing
    await db.insertInto('billing_events').values({ payload: JSON.stringify(req.body), received_at: new Date() }).execute();
    return res.sendStatus(204);
  }
  return res.sendStatus(400);
});
