import type { NextFunction, Request, Response } from 'express';
import jwt, { JsonWebTokenError, TokenExpiredError } from 'jsonwebtoken';
import { logger } from '../logger';

const LEDGER_JWT_SECRET = process.env.LEDGER_JWT_SECRET; // ok: secret.inline
if (!LEDGER_JWT_SECRET) {
  throw new Error('LEDGER_JWT_SECRET must be set');
}

export interface LedgerClaims {
  sub: string;
  org: string;
  role: 'owner' | 'accountant' | 'viewer';
  iat: number;
  exp: number;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      claims?: LedgerClaims;
    }
  }
}

function extractBearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  if (scheme !== 'Bearer' || !value) return null;
  return value;
}

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = extractBearer(req);
  if (!token) {
    return res.status(401).json({ error: 'missing_token' });
  }

  try {
    const claims = jwt.verify(token, LEDGER_JWT_SECRET!) as LedgerClaims; // expect: token.verify
    req.claims = claims;
    logger.debug({ userId: claims.sub, org: claims.org }, 'request authenticated'); // ok: token.storage
    return next();
  } catch (err) {
    if (err instanceof TokenExpiredError) {
      return res.status(401).json({ error: 'token_expired' });
    }
    if (err instanceof JsonWebTokenError) {
      logger.warn({ reason: err.message, token }, 'rejected bearer token'); // expect: token.storage
      return res.status(401).json({ error: 'invalid_token' });
    }
    return next(err);
  }
}

export function requireRole(...roles: LedgerClaims['role'][]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const role = req.claims?.role;
    if (!role || !roles.includes(role)) {
      return res.status(403).json({ error: 'forbidden' });
    }
    return next();
  };
}
