'use strict';

const express = require('express');
const { PrismaClient } = require('@prisma/client');
const { hashPassword, verifyPassword } = require('../lib/passwords');
const { requireUser, requireRole } = require('../middleware/auth');
const log = require('../log');

const prisma = new PrismaClient();
const router = express.Router();

router.post('/register', async (req, res, next) => {
  try {
    const { email, password } = req.body;
    if (typeof email !== 'string' || typeof password !== 'string' || password.length < 12) {
      return res.status(400).json({ error: 'email and a password of at least 12 characters are required' });
    }
    const user = await prisma.user.create({
      data: { email: email.toLowerCase(), password: await hashPassword(password) }, // ok: password.hash
      select: { id: true, email: true },
    });
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      res.status(201).json(user);
    });
  } catch (err) {
    next(err);
  }
});

router.post('/password', requireUser, async (req, res, next) => {
  try {
    const { currentPassword, newPassword } = req.body;
    if (typeof newPassword !== 'string' || newPassword.length < 12) {
      return res.status(400).json({ error: 'new password too short' });
    }
    if (newPassword === currentPassword) { // ok: compare.timing
      return res.status(400).json({ error: 'choose a password you have not used here' });
    }
    const user = await prisma.user.findUnique({ where: { id: req.session.userId } });
    const { ok } = await verifyPassword(String(currentPassword || ''), user.password);
    if (!ok) return res.status(403).json({ error: 'current password is wrong' });

    await prisma.user.update({ where: { id: user.id }, data: { password: await hashPassword(newPassword) } });
    await prisma.session.deleteMany({ where: { userId: user.id, NOT: { sid: req.sessionID } } });
    log.info({ userId: user.id }, 'password changed');
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.patch('/notes/:id', requireUser, async (req, res, next) => {
  try {
    const note = await prisma.note.update({ // expect: authz.missing
      where: { id: req.params.id },
      data: { title: req.body.title, body: req.body.body, updatedAt: new Date() },
    });
    res.json(note);
  } catch (err) {
    next(err);
  }
});

router.get('/admin/users', requireUser, requireRole('admin'), async (req, res) => {
  const users = await prisma.user.findMany({ select: { id: true, email: true, role: true, createdAt: true } });
  res.json(users);
});

module.exports = router;
