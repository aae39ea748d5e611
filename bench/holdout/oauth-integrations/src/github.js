const crypto = require('crypto');
const express = require('express');
const logger = require('./logger');

const router = express.Router();
const GH_CLIENT_ID = process.env.GH_CLIENT_ID;

router.get('/oauth/github/start', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  res.cookie('gh_state', state, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 }); // ok: token.storage
  res.redirect(`https://github.com/login/oauth/authorize?${new URLSearchParams({ client_id: GH_CLIENT_ID, state, scope: 'read:user user:email' })}`);
});

router.get('/oauth/github/callback', async (req, res) => {
  const { code, state } = req.query;
  if (!state || state !== req.cookies.gh_state) return res.status(400).send('state mismatch'); // ok: compare.timing
  res.clearCookie('gh_state');
  const tokenRes = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: GH_CLIENT_ID, client_secret: process.env.GH_CLIENT_SECRET, code }),
  });
  const { access_token } = await tokenRes.json();
  const profile = await (await fetch('https://api.github.com/user', { headers: { authorization: `Bearer ${access_token}` } })).json();
  logger.info(`GitHub login for ${profile.login} (token ${access_token})`); // expect: token.storage
  req.session.regenerate(() => {
    req.session.githubLogin = profile.login; // ok: session.handrolled
    res.redirect('/');
  });
});

module.exports = router;
