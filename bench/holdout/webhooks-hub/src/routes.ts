import express, { Router } from 'express';
import { verifyIntercom, verifyShopify, verifySlack } from './verify';
import { enqueue, replay } from './queue';

export const router = Router();

const captureRaw = express.raw({ type: '*/*', limit: '1mb' });

router.post('/slack/events', captureRaw, (req, res) => { // ok: authz.missing
  (req as any).rawBody = req.body;
  if (!verifySlack(req as any)) return res.sendStatus(401);
  const event = JSON.parse(req.body.toString('utf8'));
  if (event.type === 'url_verification') return res.json({ challenge: event.challenge });
  enqueue('slack', event);
  return res.sendStatus(200);
});

router.post('/shopify/orders', captureRaw, (req, res) => {
  if (!verifyShopify(req.body, req.get('x-shopify-hmac-sha256') ?? '')) return res.sendStatus(401);
  enqueue('shopify', JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

router.post('/intercom', captureRaw, (req, res) => {
  if (!verifyIntercom(req.body, req.get('x-hub-signature') ?? '')) return res.sendStatus(401);
  enqueue('intercom', JSON.parse(req.body.toString('utf8')));
  return res.sendStatus(200);
});

router.post('/internal/replay/:id', express.json(), async (req, res) => {
  if (req.get('x-internal-key') != process.env.INTERNAL_API_KEY) return res.sendStatus(401); // expect: compare.timing
  await replay(req.params.id);
  return res.sendStatus(202);
});
