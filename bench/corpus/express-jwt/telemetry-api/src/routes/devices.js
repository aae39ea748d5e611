'use strict';

const crypto = require('crypto');
const express = require('express');
const db = require('../db');
const logger = require('../logger');

const router = express.Router();

function hashProvisioningSecret(secret) {
  return crypto.createHash('sha256').update(secret, 'utf8').digest();
}

router.get('/', async (req, res) => {
  const rows = await db.query('SELECT id, name, last_seen FROM devices WHERE owner_id = $1 ORDER BY name', [req.auth.sub]);
  res.json(rows);
});

router.get('/:id', async (req, res) => {
  const device = await db.one('SELECT * FROM devices WHERE id = $1', [req.params.id]);
  if (!device || device.owner_id !== req.auth.sub) { // ok: compare.timing
    return res.status(404).json({ error: 'not_found' });
  }
  res.json(device);
});

// Claim a device using the one-time code printed on its label.
router.post('/claim', async (req, res) => {
  const { serial, claimCode } = req.body;
  if (typeof serial !== 'string' || typeof claimCode !== 'string') {
    return res.status(400).json({ error: 'serial_and_code_required' });
  }
  const device = await db.one('SELECT id, owner_id, claim_code_hash FROM devices WHERE serial = $1', [serial]);
  if (!device || device.owner_id) {
    return res.status(409).json({ error: 'not_claimable' });
  }
  const expected = Buffer.from(device.claim_code_hash, 'hex');
  const actual = hashProvisioningSecret(claimCode);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) {
    logger.warn({ serial, userId: req.auth.sub }, 'bad claim code'); // ok: token.storage
    return res.status(403).json({ error: 'invalid_code' });
  }
  await db.query('UPDATE devices SET owner_id = $1, claim_code_hash = NULL WHERE id = $2', [req.auth.sub, device.id]);
  res.status(204).end();
});

router.delete('/:id', async (req, res) => {
  const result = await db.query('DELETE FROM devices WHERE id = $1 AND owner_id = $2', [req.params.id, req.auth.sub]); // ok: authz.missing
  if (result.rowCount === 0) return res.status(404).end();
  res.status(204).end();
});

module.exports = router;
