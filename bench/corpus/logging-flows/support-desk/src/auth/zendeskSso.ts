import axios from 'axios';
import * as Sentry from '@sentry/node';
import type { Request, Response } from 'express';

import { logger, logAuthEvent, fingerprint } from '../lib/logger';

const ZENDESK_SUBDOMAIN = process.env.ZENDESK_SUBDOMAIN ?? 'brightloop';
const IDP = axios.create({ baseURL: process.env.IDP_URL, timeout: 8_000 });

interface IdpTokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_in: number;
}

async function exchangeCode(code: string, redirectUri: string): Promise<IdpTokens> {
  const { data } = await IDP.post<IdpTokens>('/oauth2/token', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: process.env.IDP_CLIENT_ID,
    client_secret: process.env.IDP_CLIENT_SECRET, // ok: secret.inline
  });
  return data;
}

async function fetchAgent(accessToken: string) {
  const { data } = await IDP.get('/userinfo', { headers: { Authorization: `Bearer ${accessToken}` } });
  return data as { sub: string; email: string; name: string; groups: string[] };
}

export async function handleSsoCallback(req: Request, res: Response) {
  const code = String(req.query.code ?? '');
  const returnTo = String(req.query.return_to ?? `https://${ZENDESK_SUBDOMAIN}.zendesk.com/agent`);

  let tokens: IdpTokens;
  try {
    tokens = await exchangeCode(code, `${process.env.PUBLIC_URL}/sso/callback`);
  } catch (err) {
    logger.error({ err, code: fingerprint(code) }, 'code exchange failed'); // ok: token.storage
    return res.status(502).send('Sign-in failed, please retry.');
  }

  const { access_token: accessToken, refresh_token: refreshToken } = tokens;
  Sentry.addBreadcrumb({
    category: 'auth',
    message: 'idp tokens received',
    data: { expiresIn: tokens.expires_in, refreshToken }, // expect: token.storage
  });

  let agent;
  try {
    agent = await fetchAgent(accessToken);
  } catch (err) {
    logger.warn(`userinfo rejected access token ${accessToken}`); // expect: token.storage
    return res.status(401).send('Your account could not be verified.');
  }

  if (!agent.groups.includes('support-agents')) {
    logAuthEvent('login', { userId: agent.sub, email: agent.email });
    return res.status(403).send('You are not a member of the support team.');
  }

  logAuthEvent('login', { userId: agent.sub, email: agent.email, token: accessToken });
  req.session.regenerate((err) => {
    if (err) return res.status(500).end();
    req.session.agent = { id: agent.sub, email: agent.email, name: agent.name };
    req.session.idpRefreshToken = refreshToken;
    res.redirect(returnTo);
  });
}
