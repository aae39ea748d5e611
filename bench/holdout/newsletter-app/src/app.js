const express = require('express');
const cookieSession = require('cookie-session');
const crypto = require('crypto');
const { Pool } = require('pg');
const { sendMagicLink } = require('./mail');

const app = express();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

app.set('trust proxy', 1);
app.use(express.urlencoded({ extended: false }));
app.use(cookieSession({ name: 'nl_session', keys: [process.env.COOKIE_KEY_CURRENT, process.env.COOKIE_KEY_OLD], httpOnly: true, secure: true, sameSite: 'lax' })); // expect: token.expiry

function unsubscribeSignature(email) {
  return crypto.createHmac('sha256', process.env.UNSUBSCRIBE_SECRET).update(email).digest('hex');
}

app.post('/magic-link', async (req, res) => {
  const email = String(req.body.email || '').trim().toLowerCase();
  const token = crypto.randomBytes(32).toString('hex');
  await pool.query('INSERT INTO magic_links (token_hash, email) VALUES ($1, $2)', [crypto.createHash('sha256').update(token).digest('hex'), email]); // expect: token.expiry
  await sendMagicLink(email, `${process.env.APP_URL}/magic/${token}`);
  res.render('check-inbox');
});

app.get('/magic/:token', async (req, res) => {
  const tokenHash = crypto.createHash('sha256').update(req.params.token).digest('hex'); // ok: password.hash
  const { rows } = await pool.query('DELETE FROM magic_links WHERE token_hash = $1 RETURNING email', [tokenHash]); // ok: compare.timing
  if (!rows.length) return res.status(410).send('This link has expired.');
  const { rows: subs } = await pool.query('SELECT id FROM subscribers WHERE email = $1', [rows[0].email]);
  req.session.subscriberId = subs[0].id; // ok: session.handrolled
  res.redirect('/preferences');
});

app.get('/unsubscribe', async (req, res) => {
  const email = String(req.query.email || '');
  if (req.query.sig !== unsubscribeSignature(email)) return res.status(400).send('Invalid link'); // expect: compare.timing
  await pool.query('UPDATE subscribers SET unsubscribed_at = now() WHERE email = $1', [email]);
  res.send('You have been unsubscribed.');
});

app.get('/preferences', async (req, res) => {
  if (!req.session.subscriberId) return res.redirect('/');
  const { rows } = await pool.query('SELECT topics FROM subscribers WHERE id = $1', [req.session.subscriberId]);
  res.render('preferences', { topics: rows[0].topics });
});

app.post('/logout', (req, res) => {
  req.session = null; // ok: session.handrolled
  res.redirect('/');
});

app.listen(process.env.PORT || 3000);
