'use strict';

const argon2 = require('argon2');
const bcrypt = require('bcrypt');

// OWASP baseline for argon2id (19 MiB, t=2, p=1).
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

async function hashPassword(plain) {
  return argon2.hash(plain, ARGON2_OPTIONS); // ok: password.hash
}

/**
 * Verifies against argon2id hashes, and against the bcrypt hashes imported from
 * the previous product; the caller re-hashes when `needsRehash` is true.
 */
async function verifyPassword(plain, stored) {
  if (stored.startsWith('$2')) {
    const ok = await bcrypt.compare(plain, stored);
    return { ok, needsRehash: ok };
  }
  const ok = await argon2.verify(stored, plain);
  return { ok, needsRehash: ok && argon2.needsRehash(stored, ARGON2_OPTIONS) };
}

module.exports = { hashPassword, verifyPassword };
