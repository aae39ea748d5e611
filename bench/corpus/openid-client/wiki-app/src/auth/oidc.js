'use strict';

const express = require('express');
const { Issuer, generators } = require('openid-client');
const logger = require('../logger');

const router = express.Router();
const BASE_URL = process.env.WIKI_BASE_URL || 'http://localhost:4000';
const OIDC_CLIENT_ID = 'wiki-app-web'; // ok: secret.inline

let clientPromise;
function getClient() {
  clientPromise ??= Issuer.discover(process.env.OIDC_ISSUER_URL).then(
    (issuer) =>
      new issuer.Client({
        client_id: OIDC_CLIENT_ID,
        client_secret: process.env.OIDC_CLIENT_SECRET,
        redirect_uris: [`${BASE_URL}/auth/callback`],
        response_types: ['code'],
        id_token_signed_response_alg: 'RS256',
      }),
  );
  return clientPromise;
}

router.get('/auth/login', async (req, res, next) => {
  try {
    const client = await getClient();
    const code_verifier = generators.codeVerifier();
    const state = generators.state(); // ok: session.handrolled
    const nonce = generators.nonce();
    req.session.oidc = { code_verifier, state, nonce, returnTo: safeReturnTo(req.query.returnTo) };
    res.redirect(
      client.authorizationUrl({
        scope: 'openid email profile groups',
        code_challenge: generators.codeChallenge(code_verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      }),
    );
  } catch (err) {
    next(err);
  }
});

router.get('/auth/callback', async (req, res, next) => {
  const pending = req.session.oidc;
  if (!pending) return res.redirect('/auth/login');
  try {
    const client = await getClient();
    const params = client.callbackParams(req); // ok: token.verify
    const tokenSet = await client.callback(`${BASE_URL}/auth/callback`, params, {
      code_verifier: pending.code_verifier,
      state: pending.state,
      nonce: pending.nonce,
    });
    const claims = tokenSet.claims();
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = { sub: claims.sub, email: claims.email, name: claims.name, groups: claims.groups || [] };
      req.session.idToken = tokenSet.id_token; // ok: token.storage
      logger.info({ sub: claims.sub, email: claims.email }, 'wiki login'); // ok: token.storage
      req.session.save(() => res.redirect(pending.returnTo));
    });
  } catch (err) {
    logger.warn({ err: err.message }, 'oidc callback failed');
    res.status(400).render('error', { message: 'Sign-in failed, please try again.' });
  }
});

router.post('/auth/logout', async (req, res) => {
  const client = await getClient();
  const idToken = req.session.idToken;
  req.session.destroy(() => {
    res.clearCookie('wiki.sid');
    res.redirect(client.endSessionUrl({ id_token_hint: idToken, post_logout_redirect_uri: BASE_URL }));
  });
});

function safeReturnTo(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

module.exports = router;
