import { cert, getApps, initializeApp } from 'firebase-admin/app';
import { getAuth, type DecodedIdToken } from 'firebase-admin/auth';
import type { NextFunction, Request, Response } from 'express';

const FIREBASE_PROJECT_ID = 'payouts-prod-7d21c'; // ok: secret.inline

const app =
  getApps()[0] ??
  initializeApp({
    projectId: FIREBASE_PROJECT_ID,
    credential: cert(JSON.parse(process.env.FIREBASE_SERVICE_ACCOUNT_JSON ?? '{}')),
  });
const firebaseAuth = getAuth(app);

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: DecodedIdToken;
    }
  }
}

function idTokenFrom(req: Request): string | undefined {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  return match?.[1];
}

/** Read-only endpoints (balances, statements). ID tokens live one hour. */
export async function authenticate(req: Request, res: Response, next: NextFunction) {
  const idToken = idTokenFrom(req);
  if (!idToken) return res.status(401).json({ error: 'unauthenticated' });
  try {
    res.locals.user = await firebaseAuth.verifyIdToken(idToken); // ok: token.verify
    return next();
  } catch {
    return res.status(401).json({ error: 'unauthenticated' });
  }
}

const MAX_AUTH_AGE_SECONDS = 5 * 60;

/**
 * Money movement: payout creation and bank-account changes. Requires that the
 * user signed in again in the last five minutes.
 */
export async function requireRecentLogin(req: Request, res: Response, next: NextFunction) {
  const idToken = idTokenFrom(req);
  if (!idToken) return res.status(401).json({ error: 'unauthenticated' });
  try {
    const decoded = await firebaseAuth.verifyIdToken(idToken); // expect: token.verify
    const age = Math.floor(Date.now() / 1000) - decoded.auth_time;
    if (age > MAX_AUTH_AGE_SECONDS) {
      return res.status(401).json({ error: 'reauthentication_required' });
    }
    res.locals.user = decoded;
    return next();
  } catch {
    return res.status(401).json({ error: 'unauthenticated' });
  }
}

export async function disableUser(uid: string) {
  await firebaseAuth.updateUser(uid, { disabled: true });
  await firebaseAuth.revokeRefreshTokens(uid);
}
