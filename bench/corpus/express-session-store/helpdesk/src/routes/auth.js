'use strict';

const express = require('express');
const bcrypt = require('bcrypt');
const db = require('../db');

const router = express.Router();

async function loadPermissions(userId) {
  const rows = await db.query(
    `SELECT p.name FROM permissions p
       JOIN role_permissions rp ON rp.permission_id = p.id
       JOIN user_roles ur ON ur.role_id = rp.role_id
      WHERE ur.user_id = $1`,
    [userId],
  );
  return rows.map((r) => r.name);
}

router.get('/login', (req, res) => res.render('login', { error: null }));

router.post('/login', async (req, res, next) => {
  try {
    const email = String(req.body.email || '').trim().toLowerCase();
    const user = await db.oneOrNone('SELECT id, email, name, password_hash, locked FROM agents WHERE email = $1', [email]);
    const valid = user ? await bcrypt.compare(String(req.body.password || ''), user.password_hash) : false;
    if (!user || !valid || user.locked) {
      return res.status(401).render('login', { error: 'Invalid email or password.' });
    }
    req.session.user = { id: user.id, email: user.email, name: user.name }; // expect: session.handrolled
    req.session.permissions = await loadPermissions(user.id); // expect: authz.missing
    res.redirect('/tickets');
  } catch (err) {
    next(err);
  }
});

// Supervisors confirm their password again before opening the escalation console.
router.post('/sudo', requireAgent, async (req, res, next) => {
  try {
    const row = await db.one('SELECT password_hash FROM agents WHERE id = $1', [req.session.user.id]);
    if (!(await bcrypt.compare(String(req.body.password || ''), row.password_hash))) {
      return res.status(401).render('sudo', { error: 'Wrong password.' });
    }
    const { user, permissions } = req.session;
    req.session.regenerate((err) => { // ok: session.handrolled
      if (err) return next(err);
      Object.assign(req.session, { user, permissions, sudoUntil: Date.now() + 10 * 60 * 1000 });
      res.redirect('/escalations');
    });
  } catch (err) {
    next(err);
  }
});

router.post('/logout', (req, res) => {
  res.clearCookie('helpdesk.sid'); // expect: session.handrolled
  res.redirect('/login');
});

function requireAgent(req, res, next) {
  if (!req.session.user) return res.redirect('/login');
  return next();
}

function requirePermission(name) {
  return (req, res, next) => {
    const perms = req.session.permissions || [];
    if (!perms.includes(name)) return res.status(403).render('error', { message: 'Not allowed.' });
    return next();
  };
}

module.exports = router;
module.exports.requireAgent = requireAgent;
module.exports.requirePermission = requirePermission;
