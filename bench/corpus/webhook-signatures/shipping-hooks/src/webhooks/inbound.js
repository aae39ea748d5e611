'use strict';

const crypto = require('crypto');
const express = require('express');
const logger = require('../logger');
const { applyTrackingEvent, applyLabelEvent } = require('../shipments');

const router = express.Router();

const PARCELWAY_SECRET = process.env.PARCELWAY_WEBHOOK_SECRET || 'pw_whsec_3kT9vQ1xZ7mR2bN8cL5fH0jD'; // expect: secret.inline
const LABELHUB_SECRET = process.env.LABELHUB_SIGNING_SECRET; // ok: secret.inline
const TOLERANCE_SECONDS = 300;

// Raw body is needed to verify signatures.
router.use(express.raw({ type: 'application/json', limit: '1mb' }));

router.post('/parcelway', async (req, res) => {
  const signature = req.get('x-parcelway-signature') || '';
  const expected = crypto.createHmac('sha256', PARCELWAY_SECRET).update(req.body).digest('hex'); // ok: password.hash
  if (signature !== expected) { // expect: compare.timing
    logger.warn({ provider: 'parcelway', ip: req.ip }, 'webhook signature mismatch');
    return res.status(401).end();
  }
  const event = JSON.parse(req.body.toString('utf8'));
  await applyTrackingEvent(event);
  return res.status(204).end();
});

// LabelHub: `t=<unix>,v1=<hex hmac of "t.body">`, same scheme as Stripe.
function parseHeader(header) {
  return Object.fromEntries(
    String(header || '')
      .split(',')
      .map((kv) => kv.split('='))
      .filter((pair) => pair.length === 2),
  );
}

router.post('/labelhub', async (req, res) => {
  if (!LABELHUB_SECRET) {
    logger.error('LABELHUB_SIGNING_SECRET missing; rejecting webhook');
    return res.status(503).end();
  }
  const { t, v1 } = parseHeader(req.get('labelhub-signature'));
  if (!t || !v1) return res.status(400).end();
  if (Math.abs(Date.now() / 1000 - Number(t)) > TOLERANCE_SECONDS) return res.status(400).end();

  const expected = crypto.createHmac('sha256', LABELHUB_SECRET).update(`${t}.`).update(req.body).digest();
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) { // ok: compare.timing
    logger.warn({ provider: 'labelhub', sigPrefix: v1.slice(0, 6) }, 'webhook signature mismatch'); // ok: token.storage
    return res.status(401).end();
  }

  const event = JSON.parse(req.body.toString('utf8'));
  if (event.type === 'label.purchased') {
    await applyLabelEvent(event.data);
  }
  return res.status(204).end();
});

module.exports = router;
