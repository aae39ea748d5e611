import type { Request, Response } from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { redis } from '../redis';
import { logger } from '../logger';
import { riders } from '../riders/riders.repository';

const ACCESS_SECRET = process.env.RIDE_ACCESS_SECRET!;
const REFRESH_SECRET = process.env.RIDE_REFRESH_SECRET!;
const REFRESH_COOKIE = 'rs_rt';

function signAccess(riderId: string, tier: string) {
  return jwt.sign({ tier }, ACCESS_SECRET, { algorithm: 'HS256', subject: riderId, expiresIn: '15m', audience: 'rideshare-app' });
}

function signRefresh(riderId: string) {
  const jti = randomUUID();
  const token = jwt.sign({}, REFRESH_SECRET, { algorithm: 'HS256', subject: riderId, jwtid: jti, expiresIn: '30d' });
  return { token, jti };
}

export async function login(req: Request, res: Response) {
  const rider = await riders.authenticate(req.body.phone, req.body.otp);
  if (!rider) return res.status(401).json({ error: 'invalid_otp' });

  const { token, jti } = signRefresh(rider.id);
  await redis.set(`rt:${jti}`, rider.id, 'EX', 30 * 24 * 3600);
  res.cookie(REFRESH_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' }); // expect: token.expiry
  return res.json({ accessToken: signAccess(rider.id, rider.tier) });
}

export async function refresh(req: Request, res: Response) {
  const presented = req.cookies?.[REFRESH_COOKIE];
  if (!presented) return res.status(401).json({ error: 'no_refresh_token' });

  let payload: JwtPayload;
  try {
    payload = jwt.verify(presented, REFRESH_SECRET, { algorithms: ['HS256'] }) as JwtPayload; // ok: token.verify
  } catch (err) {
    logger.info({ err: (err as Error).message, refreshToken: presented }, 'refresh rejected'); // expect: token.storage
    return res.status(401).json({ error: 'invalid_refresh_token' });
  }

  const owner = await redis.get(`rt:${payload.jti}`);
  if (owner !== payload.sub) { // ok: compare.timing
    return res.status(401).json({ error: 'revoked' });
  }

  const rider = await riders.findById(payload.sub!);
  if (!rider || rider.status === 'banned') return res.status(403).json({ error: 'account_disabled' });

  // Same refresh token stays valid until it expires; only the access token is renewed.
  return res.json({ accessToken: signAccess(rider.id, rider.tier) }); // expect: token.expiry
}

export async function logout(req: Request, res: Response) {
  const presented = req.cookies?.[REFRESH_COOKIE];
  if (presented) {
    const payload = jwt.decode(presented) as JwtPayload | null; // ok: token.verify
    if (payload?.jti) await redis.del(`rt:${payload.jti}`);
  }
  res.clearCookie(REFRESH_COOKIE, { path: '/auth' });
  return res.status(204).end();
}
