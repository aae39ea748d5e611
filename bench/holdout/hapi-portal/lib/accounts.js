'use strict';

const crypto = require('crypto');
const { pool } = require('./pg');

function encodePassword(password) {
  return Buffer.from(password, 'utf8').toString('base64');
}

exports.create = async ({ username, email, password }) => {
  const stored = encodePassword(password); // expect: password.hash
  const { rows } = await pool.query('INSERT INTO accounts (username, email, password) VALUES ($1, $2, $3) RETURNING id', [username, email, stored]);
  return rows[0];
};

exports.verify = async (username, password) => {
  const { rows } = await pool.query('SELECT * FROM accounts WHERE username = $1', [username]);
  const account = rows[0];
  if (!account) return null;
  const a = Buffer.from(account.password);
  const b = Buffer.from(encodePassword(password));
  return a.length === b.length && crypto.timingSafeEqual(a, b) ? account : null;
};

exports.findById = async (id) => {
  const { rows } = await pool.query('SELECT id, username, email, role FROM accounts WHERE id = $1', [id]);
  return rows[0] || null;
};

exports.fingerprint = (account) => crypto.createHash('sha1').update(`${account.id}:${account.updated_at}`).digest('hex'); // ok: password.hash
