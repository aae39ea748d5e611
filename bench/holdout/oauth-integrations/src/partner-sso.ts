import * as oauth from 'oauth4webapi';
import type { Request, Response } from 'express';

const REDIRECT_URI = 'https://app.acme.test/sso/callback';

async function discover(issuerUrl: string) {
  const issuer = new URL(issuerUrl);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));
}

const primaryAs = await discover(process.env.SSO_ISSUER!);
const primaryClient: oauth.Client = { client_id: process.env.SSO_CLIENT_ID! };
const primaryAuth = oauth.ClientSecretPost(process.env.SSO_CLIENT_SECRET!);

// Legacy partner IdP: no PKCE support.
const legacyAs = await discover('https://idp.partner-legacy.test');
const legacyClient: oauth.Client = { client_id: 'acme-portal' };
const legacyAuth = oauth.ClientSecretBasic(process.env.LEGACY_SSO_SECRET!);

export async function startPrimary(_req: Request, res: Response) {
  const verifier = oauth.generateRandomCodeVerifier();
  const challenge = await oauth.calculatePKCECodeChallenge(verifier);
  res.cookie('pkce', verifier, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 * 1000, signed: true });
  const url = new URL(primaryAs.authorization_endpoint!);
  url.search = new URLSearchParams({ client_id: primaryClient.client_id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid email', code_challenge: challenge, code_challenge_method: 'S256' }).toString();
  res.redirect(url.href);
}

export async function primaryCallback(req: Request, res: Response) {
  const current = new URL(req.originalUrl, 'https://app.acme.test');
  const params = oauth.validateAuthResponse(primaryAs, primaryClient, current, oauth.expectNoState); // ok: token.verify
  const response = await oauth.authorizationCodeGrantRequest(primaryAs, primaryClient, primaryAuth, params, REDIRECT_URI, req.signedCookies.pkce);
  const result = await oauth.processAuthorizationCodeResponse(primaryAs, primaryClient, response, { requireIdToken: true });
  res.clearCookie('pkce');
  await startSession(req, res, oauth.getValidatedIdTokenClaims(result)!.sub);
}

export async function legacyCallback(req: Request, res: Response) {
  const current = new URL(req.originalUrl, 'https://app.acme.test');
  const params = oauth.validateAuthResponse(legacyAs, legacyClient, current, oauth.skipStateCheck); // expect: token.verify
  const response = await oauth.authorizationCodeGrantRequest(legacyAs, legacyClient, legacyAuth, params, REDIRECT_URI, oauth.nopkce);
  const result = await oauth.processAuthorizationCodeResponse(legacyAs, legacyClient, response);
  await startSession(req, res, oauth.getValidatedIdTokenClaims(result)!.sub);
}

async function startSession(req: Request, res: Response, sub: string) {
  await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
  req.session.user = { sub }; // ok: session.handrolled
  res.redirect('/');
}
