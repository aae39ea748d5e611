const express = require('express');
const bcrypt = require('bcrypt');
const User = require('../models/User');
const config = require('../config');
const logger = require('../logger');
const { signAccessToken, signRefreshToken, verifyRefreshToken } = require('../auth/tokens');

const router = express.Router();
const BCRYPT_ROUNDS = 12;
const REFRESH_COOKIE = { httpOnly: true, secure: config.env === 'production', sameSite: 'strict', path: '/auth/refresh', maxAge: 7 * 24 * 3600 * 1000 };

router.post('/register', async (req, res) => {
  const { email, password, name } = req.body;
  if (typeof password !== 'string' || password.length < config.passwordMinLength) {
    return res.status(400).json({ error: 'weak_password' });
  }
  const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS); // ok: password.hash
  const user = await User.create({ email, name, passwordHash });
  return res.status(201).json(user);
});

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await User.findOne({ email }).select('+passwordHash');
  const valid = user ? await bcrypt.compare(String(password), user.passwordHash) : false; // ok: compare.timing
  if (!valid) {
    logger.warn({ email }, 'failed login'); // ok: token.storage
    return res.status(401).json({ error: 'invalid_credentials' });
  }
  const accessToken = signAccessToken(user);
  const { token: refreshToken, jti } = signRefreshToken(user);
  await User.updateOne({ _id: user.id }, { $push: { refreshTokenIds: jti } });
  logger.info({ userId: user.id, refreshToken }, 'user logged in'); // expect: token.storage
  res.cookie('rt', refreshToken, REFRESH_COOKIE); // ok: token.storage
  return res.json({ accessToken, user });
});

router.post('/refresh', async (req, res) => {
  let payload;
  try {
    payload = verifyRefreshToken(req.cookies.rt);
  } catch {
    return res.status(401).json({ error: 'invalid_refresh_token' });
  }
  const user = await User.findById(payload.sub);
  if (!user || !user.refreshTokenIds.includes(payload.jti)) {
    return res.status(401).json({ error: 'invalid_refresh_token' });
  }
  return res.json({ accessToken: signAccessToken(user) }); // expect: token.expiry
});

router.post('/logout', async (req, res) => {
  res.clearCookie('rt', { path: '/auth/refresh' });
  res.status(204).end();
});

module.exports = router;
