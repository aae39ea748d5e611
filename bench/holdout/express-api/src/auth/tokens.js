const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const config = require('../config');

function signAccessToken(user) {
  const claims = { sub: String(user.id), role: user.role };
  return jwt.sign(claims, config.jwt.accessSecret, { expiresIn: config.jwt.accessTtl, issuer: config.jwt.issuer, algorithm: 'HS256' }); // ok: token.expiry
}

function signRefreshToken(user) {
  const jti = crypto.randomUUID();
  const token = jwt.sign({ sub: String(user.id), jti }, config.jwt.refreshSecret, { algorithm: 'HS256' }); // expect: token.expiry
  return { token, jti };
}

function verifyAccessToken(token) {
  return jwt.verify(token, config.jwt.accessSecret, { algorithms: ['HS256'], issuer: config.jwt.issuer }); // ok: token.verify
}

function verifyRefreshToken(token) {
  // refresh tokens are checked against the allow-list stored on the user document
  return jwt.verify(token, config.jwt.refreshSecret, { algorithms: ['HS256'], ignoreExpiration: true }); // expect: token.expiry
}

module.exports = { signAccessToken, signRefreshToken, verifyAccessToken, verifyRefreshToken };
