import { onRequest } from 'firebase-functions/v2/https';
import { onCall, HttpsError } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import cookieParser from 'cookie-parser';
import { auth, firestore } from './admin';

const SESSION_MS = 5 * 24 * 60 * 60 * 1000;
const parseCookies = cookieParser();

export const jobs = onRequest({ region: 'europe-west1', cors: ['https://fieldops.test'] }, async (req, res) => {
  const idToken = req.headers.authorization?.split('Bearer ')[1];
  if (!idToken) {
    res.status(401).json({ error: 'missing token' });
    return;
  }
  const decoded = await auth.verifyIdToken(idToken, true); // ok: token.verify
  const snap = await firestore.collection('jobs').where('assignee', '==', decoded.uid).limit(50).get();
  res.json(snap.docs.map((d) => ({ id: d.id, ...d.data() })));
});

export const exportAll = onRequest({ region: 'europe-west1' }, async (req, res) => {
  const idToken = (req.get('Authorization') ?? '').replace('Bearer ', '');
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')); // expect: token.verify
  if (!claims.admin) {
    res.sendStatus(403);
    return;
  }
  const snap = await firestore.collection('jobs').get();
  res.json(snap.docs.map((d) => d.data()));
});

export const sessionLogin = onRequest({ region: 'europe-west1' }, async (req, res) => {
  const idToken = String(req.body.idToken ?? '');
  const decoded = await auth.verifyIdToken(idToken);
  if (Date.now() / 1000 - decoded.auth_time > 5 * 60) {
    res.status(401).send('Recent sign in required');
    return;
  }
  const sessionCookie = await auth.createSessionCookie(idToken, { expiresIn: SESSION_MS }); // ok: token.expiry
  res.cookie('__session', sessionCookie, { maxAge: SESSION_MS, httpOnly: true, secure: true, sameSite: 'strict' }); // ok: token.storage
  res.json({ status: 'success' });
});

export const profile = onRequest({ region: 'europe-west1' }, (req, res) => {
  parseCookies(req, res, async () => {
    try {
      const claims = await auth.verifySessionCookie(req.cookies.__session ?? '', true); // ok: token.verify
      res.json({ uid: claims.uid, email: claims.email });
    } catch {
      res.status(401).send('UNAUTHORIZED');
    }
  });
});

export const grantDispatcher = onCall(async (request) => {
  if (request.auth?.token.admin !== true) throw new HttpsError('permission-denied', 'Admins only'); // ok: authz.missing
  await auth.setCustomUserClaims(request.data.uid, { dispatcher: true });
  logger.info('granted dispatcher', { uid: request.data.uid, by: request.auth.uid });
  return { ok: true };
});
