import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { SAML } from '@node-saml/node-saml';
import { upsertFromSaml, verifyCredentials } from '../lib/users';

export const authRouter = Router();

const loginLimiter = rateLimit({ windowMs: 15 * 60 * 1000, limit: 20 });
const saml = new SAML({
  entryPoint: process.env.SAML_ENTRY_POINT!,
  issuer: 'saas-admin',
  callbackUrl: 'https://admin.saas.test/auth/sso/assert',
  idpCert: process.env.SAML_IDP_CERT!,
  wantAssertionsSigned: true,
});

authRouter.post('/login', loginLimiter, async (req, res, next) => {
  const user = await verifyCredentials(String(req.body.email ?? ''), String(req.body.password ?? ''));
  if (!user) return res.status(401).json({ error: 'invalid_credentials' });
  req.session.regenerate((err) => { // ok: session.handrolled
    if (err) return next(err);
    req.session.userId = user.id;
    req.session.save(() => res.json({ ok: true }));
  });
});

authRouter.post('/sso/assert', async (req, res) => {
  const { profile } = await saml.validatePostResponseAsync(req.body);
  if (!profile) return res.sendStatus(401);
  const user = await upsertFromSaml(profile as { nameID: string; email?: string });
  req.session.userId = user.id; // expect: session.handrolled
  res.redirect('/');
});

authRouter.post('/logout', (req, res) => {
  req.session.destroy(() => res.clearCookie('saas.sid').sendStatus(204)); // ok: session.handrolled
});
