const express = require('express');
const User = require('../models/User');
const requireAuth = require('../middleware/requireAuth');
const requireRole = require('../middleware/requireRole');

const router = express.Router();

const PAGE_SIZE = 50;

router.get('/me', requireAuth, async (req, res) => {
  const user = await User.findById(req.user.sub);
  if (!user) return res.status(404).end();
  return res.json(user);
});

router.get('/', requireAuth, requireRole('admin', 'support'), async (req, res) => { // ok: authz.missing
  const page = Math.max(0, Number(req.query.page) || 0);
  const users = await User.find().sort({ createdAt: -1 }).skip(page * PAGE_SIZE).limit(PAGE_SIZE);
  res.json({ page, users });
});

router.patch('/:id', requireAuth, async (req, res) => { // expect: authz.missing
  const updated = await User.findByIdAndUpdate(req.params.id, req.body, { new: true, runValidators: true });
  if (!updated) return res.status(404).end();
  return res.json(updated);
});

router.post('/:id/role', requireAuth, async (req, res) => {
  if (req.get('x-acting-role') !== 'admin') { // expect: authz.missing
    return res.status(403).json({ error: 'admins only' });
  }
  await User.updateOne({ _id: req.params.id }, { role: req.body.role });
  return res.status(204).end();
});

router.delete('/:id', async (req, res) => { // expect: authz.missing
  await User.findByIdAndDelete(req.params.id);
  res.status(204).end();
});

module.exports = router;
