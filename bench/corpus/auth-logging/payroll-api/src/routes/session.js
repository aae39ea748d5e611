'use strict';

const crypto = require('crypto');
const express = require('express');
const logger = require('../logger');
const db = require('../db');
const { sendSms } = require('../sms');

const router = express.Router();
const PEPPER = process.env.PASSWORD_PEPPER;

function passwordDigest(password, salt) {
  return crypto.createHmac('sha512', PEPPER).update(`${salt}${password}`).digest('hex'); // expect: password.hash
}

router.post('/session', async (req, res, next) => {
  try {
    logger.debug({ body: req.body, ip: req.ip }, 'login attempt'); // expect: token.storage
    const employee = await db.employees.findByWorkEmail(String(req.body.email || '').toLowerCase());
    if (!employee || employee.passwordDigest !== passwordDigest(String(req.body.password || ''), employee.salt)) { // expect: compare.timing
      logger.info({ email: req.body.email }, 'login failed'); // ok: token.storage
      return res.status(401).json({ error: 'invalid_credentials' });
    }

    // Second factor: 6-digit code by SMS, valid 5 minutes.
    const code = String(Math.floor(100000 + Math.random() * 900000)); // expect: session.handrolled
    await db.loginChallenges.create({ employeeId: employee.id, code, expiresAt: new Date(Date.now() + 5 * 60_000) });
    await sendSms(employee.phone, `Your Payroll sign-in code: ${code}`);

    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.pendingEmployeeId = employee.id;
      logger.info({ employeeId: employee.id }, 'password accepted, sms challenge sent');
      res.json({ next: 'otp' });
    });
  } catch (err) {
    next(err);
  }
});

router.post('/session/otp', async (req, res, next) => {
  try {
    const employeeId = req.session.pendingEmployeeId;
    if (!employeeId) return res.status(400).json({ error: 'no_pending_login' });
    const challenge = await db.loginChallenges.latestFor(employeeId);
    const given = Buffer.from(String(req.body.code || ''));
    const expected = Buffer.from(challenge ? challenge.code : '000000');
    const ok =
      challenge &&
      challenge.expiresAt > new Date() &&
      given.length === expected.length &&
      crypto.timingSafeEqual(given, expected);
    if (!ok) return res.status(401).json({ error: 'invalid_code' });

    await db.loginChallenges.consume(challenge.id);
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.employeeId = employeeId;
      res.json({ ok: true });
    });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
