import { Router } from 'express';
import { getFirestore, FieldValue } from 'firebase-admin/firestore';
import { authenticate, requireRecentLogin } from '../middleware/firebaseAuth';
import { stripe } from '../stripe';
import { logger } from '../logger';

const db = getFirestore();
export const payouts = Router();

payouts.get('/balance', authenticate, async (_req, res) => {
  const uid = res.locals.user!.uid;
  const snap = await db.doc(`sellers/${uid}`).get();
  res.json({ available: snap.get('availableCents') ?? 0, currency: snap.get('currency') ?? 'usd' });
});

payouts.post('/payouts', requireRecentLogin, async (req, res) => {
  const uid = res.locals.user!.uid;
  const { amountCents, connectedAccountId } = req.body as { amountCents: number; connectedAccountId: string };
  if (!Number.isInteger(amountCents) || amountCents < 100) {
    return res.status(400).json({ error: 'invalid_amount' });
  }

  const seller = await db.doc(`sellers/${uid}`).get();
  if ((seller.get('availableCents') ?? 0) < amountCents) {
    return res.status(409).json({ error: 'insufficient_balance' });
  }

  const transfer = await stripe.transfers.create({ // expect: authz.missing
    amount: amountCents,
    currency: seller.get('currency') ?? 'usd',
    destination: connectedAccountId,
    metadata: { uid },
  });
  await db.doc(`sellers/${uid}`).update({ availableCents: FieldValue.increment(-amountCents) });
  logger.info({ uid, transferId: transfer.id, amountCents }, 'payout created');
  res.status(201).json({ id: transfer.id });
});

payouts.put('/bank-account', requireRecentLogin, async (req, res) => {
  const uid = res.locals.user!.uid;
  const sellerRef = db.doc(`sellers/${uid}`);
  const seller = await sellerRef.get();
  const account = await stripe.accounts.createExternalAccount(seller.get('connectedAccountId'), {
    external_account: req.body.bankToken,
  });
  await sellerRef.update({ bankLast4: (account as { last4?: string }).last4 ?? null });
  res.status(204).end();
});
