import { createCookieSessionStorage, redirect } from '@remix-run/node';

type SessionData = { userId: string };
type SessionFlashData = { error: string };

export const sessionStorage = createCookieSessionStorage<SessionData, SessionFlashData>({
  cookie: {
    name: '__session',
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
    secrets: ['s3cr3t'], // expect: secret.inline
    secure: process.env.NODE_ENV === 'production',
  },
});

export const { getSession, commitSession, destroySession } = sessionStorage;

export async function requireUserId(request: Request, redirectTo: string = new URL(request.url).pathname) {
  const session = await getSession(request.headers.get('Cookie'));
  const userId = session.get('userId');
  if (!userId) {
    throw redirect(`/login?${new URLSearchParams([['redirectTo', redirectTo]])}`);
  }
  return userId;
}
