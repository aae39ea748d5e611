import express from 'express';
import cookieSession from 'cookie-session';
import { db } from './db.js';
import { mailer } from './mailer.js';
import { md5, signParams, verifyParams } from './lib/digest.js';

const app = express();
app.set('trust proxy', 1);
app.use(express.urlencoded({ extended: false }));

app.use(
  cookieSession({ // expect: token.expiry
    name: 'nl_session',
    keys: [process.env.COOKIE_KEY_CURRENT, process.env.COOKIE_KEY_PREVIOUS].filter(Boolean),
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
  }),
);

app.post('/subscribe', async (req, res) => {
  const email = String(req.body.email || '').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return res.status(400).render('subscribe', { error: 'Invalid email' });

  const unsubscribeToken = md5(email + Date.now()); // expect: session.handrolled
  await db.subscribers.upsert({ email, status: 'pending', unsubscribeToken });
  const link = `${process.env.PUBLIC_URL}/confirm?${signParams({ email, ts: Date.now() })}`;
  await mailer.send(email, 'confirm-subscription', { link });
  req.session.pendingEmail = email;
  res.redirect('/check-your-inbox');
});

app.get('/confirm', async (req, res) => {
  if (!verifyParams(req.query)) return res.status(400).render('error', { message: 'This link is invalid.' });
  if (Date.now() - Number(req.query.ts) > 48 * 3600 * 1000) {
    return res.status(410).render('error', { message: 'This link has expired.' });
  }
  await db.subscribers.update({ email: req.query.email }, { status: 'active', confirmedAt: new Date() });
  res.render('confirmed');
});

app.get('/unsubscribe', async (req, res) => {
  const sub = await db.subscribers.findByEmail(String(req.query.email || ''));
  if (!sub || req.query.t !== sub.unsubscribeToken) { // expect: compare.timing
    return res.status(404).render('error', { message: 'Subscription not found.' });
  }
  await db.subscribers.update({ id: sub.id }, { status: 'unsubscribed' });
  res.render('unsubscribed', { email: sub.email });
});

app.get('/preferences', async (req, res) => {
  if (!req.session.subscriberId) return res.redirect('/subscribe');
  const sub = await db.subscribers.findById(req.session.subscriberId);
  if (!sub || sub.status === 'unsubscribed') return res.redirect('/subscribe');
  res.render('preferences', { sub });
});

export default app;
