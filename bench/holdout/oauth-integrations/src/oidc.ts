import { Router } from 'express';
import { Issuer, generators, type Client } from 'openid-client';

export const oidcRouter = Router();

const GOOGLE_REDIRECT = 'https://app.acme.test/auth/google/callback';
const AZURE_REDIRECT = 'https://app.acme.test/auth/azure/callback';

let google: Client;
let azure: Client;

export async function initOidc() {
  const googleIssuer = await Issuer.discover('https://accounts.google.com');
  google = new googleIssuer.Client({
    client_id: process.env.GOOGLE_CLIENT_ID!,
    client_secret: process.env.GOOGLE_CLIENT_SECRET!,
    redirect_uris: [GOOGLE_REDIRECT],
    response_types: ['code'],
  });
  const azureIssuer = await Issuer.discover(`https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}/v2.0`);
  azure = new azureIssuer.Client({ client_id: process.env.AZURE_CLIENT_ID!, client_secret: process.env.AZURE_CLIENT_SECRET!, redirect_uris: [AZURE_REDIRECT], response_types: ['code'] });
}

oidcRouter.get('/auth/google', (req, res) => {
  const code_verifier = generators.codeVerifier();
  const state = generators.state();
  const nonce = generators.nonce();
  req.session.oidc = { code_verifier, state, nonce };
  res.redirect(google.authorizationUrl({ scope: 'openid email profile', code_challenge: generators.codeChallenge(code_verifier), code_challenge_method: 'S256', state, nonce }));
});

oidcRouter.get('/auth/google/callback', async (req, res, next) => {
  try {
    const params = google.callbackParams(req);
    const checks = req.session.oidc ?? {};
    const tokenSet = await google.callback(GOOGLE_REDIRECT, params, checks); // ok: token.verify
    const claims = tokenSet.claims();
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.user = { sub: claims.sub, email: claims.email, provider: 'google' }; // ok: session.handrolled
      res.redirect('/');
    });
  } catch (err) {
    next(err);
  }
});

oidcRouter.get('/auth/azure', (_req, res) => {
  res.redirect(azure.authorizationUrl({ scope: 'openid email profile' }));
});

oidcRouter.get('/auth/azure/callback', async (req, res, next) => {
  try {
    const params = azure.callbackParams(req);
    const tokenSet = await azure.callback(AZURE_REDIRECT, params); // expect: token.verify
    const claims = tokenSet.claims();
    req.session.user = { sub: claims.sub, email: claims.email ?? claims.preferred_username, provider: 'azure' }; // expect: session.handrolled
    res.redirect('/');
  } catch (err) {
    next(err);
  }
});
