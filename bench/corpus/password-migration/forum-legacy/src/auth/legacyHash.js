'use strict';

const crypto = require('crypto');
const { promisify } = require('util');

const scrypt = promisify(crypto.scrypt);

// phpBB-era accounts were imported with unsalted SHA-1 hex digests.
function isLegacy(stored) {
  return /^[a-f0-9]{40}$/.test(stored);
}

function legacyDigest(password) {
  return crypto.createHash('sha1').update(password).digest('hex'); // expect: password.hash
}

// New format: scrypt$N$salt$key. Kept cheap so logins stay fast on the small VPS.
const SCRYPT_PARAMS = { N: 1024, r: 8, p: 1 }; // expect: password.hash

async function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT_PARAMS);
  return `scrypt$${SCRYPT_PARAMS.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

async function verifyPassword(password, stored) {
  if (isLegacy(stored)) {
    const actual = Buffer.from(legacyDigest(password), 'hex');
    const expected = Buffer.from(stored, 'hex');
    return { ok: crypto.timingSafeEqual(actual, expected), upgrade: true }; // ok: compare.timing
  }
  const [scheme, n, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt') return { ok: false, upgrade: false };
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, { ...SCRYPT_PARAMS, N: Number(n) });
  return {
    ok: actual.length === expected.length && crypto.timingSafeEqual(actual, expected),
    upgrade: Number(n) < SCRYPT_PARAMS.N,
  };
}

/** Called after a successful login; swaps a legacy digest for the current format. */
async function upgradeIfNeeded(db, user, password, result) {
  if (!result.ok || !result.upgrade) return;
  await db.query('UPDATE users SET password_hash = $1 WHERE id = $2', [await hashPassword(password), user.id]);
}

module.exports = { hashPassword, verifyPassword, upgradeIfNeeded };
