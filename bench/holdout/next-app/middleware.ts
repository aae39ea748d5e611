import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt } from 'jose';

const PUBLIC_PATHS = ['/login', '/signup', '/pricing'];

export function middleware(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (PUBLIC_PATHS.some((p) => pathname.startsWith(p))) return NextResponse.next(); // ok: authz.missing
  const token = req.cookies.get('app_session')?.value;
  if (!token) return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(pathname)}`, req.url));
  const { role, exp } = decodeJwt(token); // expect: token.verify
  if (typeof exp === 'number' && exp * 1000 < Date.now()) return NextResponse.redirect(new URL('/login', req.url));
  if (pathname.startsWith('/admin') && role !== 'admin') {
    return NextResponse.rewrite(new URL('/403', req.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks).*)'] };
