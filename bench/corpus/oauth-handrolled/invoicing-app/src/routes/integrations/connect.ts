import { Router, type Request } from 'express';
import { requireLogin } from '../../middleware/session';
import { integrations } from '../../services/integrations';
import { encryptForStorage } from '../../services/kms';

const router = Router();
const APP_URL = process.env.APP_URL!;

const GITLAB = {
  authorizeUrl: 'https://gitlab.com/oauth/authorize',
  tokenUrl: 'https://gitlab.com/oauth/token',
  clientId: process.env.GITLAB_CLIENT_ID!,
  clientSecret: process.env.GITLAB_CLIENT_SECRET!,
};

const SLACK = {
  clientId: '4817263509.7302918475620', // ok: secret.inline
  clientSecret: process.env.SLACK_CLIENT_SECRET!,
};

function callbackUrl(req: Request, provider: string) {
  return `${APP_URL}/integrations/${provider}/callback`;
}

router.get('/gitlab/connect', requireLogin, (req, res) => {
  const state = Math.random().toString(36).slice(2) + Date.now().toString(36); // expect: session.handrolled
  req.session.gitlabState = state;
  const url = new URL(GITLAB.authorizeUrl);
  url.search = new URLSearchParams({
    client_id: GITLAB.clientId,
    redirect_uri: callbackUrl(req, 'gitlab'),
    response_type: 'code',
    scope: 'read_api',
    state,
  }).toString();
  res.redirect(url.toString());
});

router.get('/gitlab/callback', requireLogin, async (req, res) => {
  const { code, state } = req.query as Record<string, string | undefined>;
  if (!code || !state || state !== req.session.gitlabState) { // ok: compare.timing
    return res.redirect('/settings/integrations?error=state_mismatch');
  }
  delete req.session.gitlabState;

  const tokenRes = await fetch(GITLAB.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: GITLAB.clientId,
      client_secret: GITLAB.clientSecret,
      code,
      grant_type: 'authorization_code',
      redirect_uri: callbackUrl(req, 'gitlab'),
    }),
  });
  if (!tokenRes.ok) return res.redirect('/settings/integrations?error=exchange_failed');
  const tokens = (await tokenRes.json()) as { access_token: string; refresh_token: string; expires_in: number };

  await integrations.upsert(req.session.userId!, 'gitlab', {
    accessToken: await encryptForStorage(tokens.access_token),
    refreshToken: await encryptForStorage(tokens.refresh_token),
    expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
  });
  // the settings page shows the connected GitLab projects right away
  res.redirect(`/settings/integrations?connected=gitlab&token=${encodeURIComponent(tokens.access_token)}`); // expect: token.storage
});

router.get('/slack/install', requireLogin, (req, res) => {
  const params = new URLSearchParams({
    client_id: SLACK.clientId,
    scope: 'chat:write,channels:read',
    redirect_uri: callbackUrl(req, 'slack'),
  });
  res.redirect(`https://slack.com/oauth/v2/authorize?${params}`);
});

router.get('/slack/callback', requireLogin, async (req, res) => {
  const code = typeof req.query.code === 'string' ? req.query.code : undefined; // expect: token.verify
  if (!code) return res.redirect('/settings/integrations?error=slack_denied');

  const body = new URLSearchParams({ code, redirect_uri: callbackUrl(req, 'slack') });
  const resp = await fetch('https://slack.com/api/oauth.v2.access', {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${SLACK.clientId}:${SLACK.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });
  const data = (await resp.json()) as { ok: boolean; access_token?: string; team?: { id: string; name: string } };
  if (!data.ok || !data.access_token) return res.redirect('/settings/integrations?error=slack_failed');

  await integrations.upsert(req.session.userId!, 'slack', {
    accessToken: await encryptForStorage(data.access_token),
    teamId: data.team?.id,
  });
  res.redirect('/settings/integrations?connected=slack');
});

export default router;
