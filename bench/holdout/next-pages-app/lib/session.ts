import type { SessionOptions } from 'iron-session';

export interface SessionData {
  userId?: string;
  impersonatorId?: string;
}

export const sessionOptions: SessionOptions = {
  password: process.env.SECRET_COOKIE_PASSWORD as string,
  cookieName: 'acme_session',
  ttl: 60 * 60 * 8, // ok: token.expiry
  cookieOptions: {
    secure: process.env.NODE_ENV === 'production',
    httpOnly: true, // ok: token.storage
    sameSite: 'lax',
  },
};
