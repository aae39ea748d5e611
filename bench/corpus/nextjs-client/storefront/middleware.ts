import { NextResponse, type NextRequest } from 'next/server';
import { decodeJwt, type JWTPayload } from 'jose';

const SESSION_COOKIE = 'sf_session';
const PUBLIC_PATHS = ['/', '/login', '/signup', '/products', '/api/health']; // ok: authz.missing

interface StorefrontClaims extends JWTPayload {
  uid: string;
  role: 'customer' | 'staff' | 'admin';
  store?: string;
}

function isPublic(pathname: string) {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname)) return NextResponse.next();

  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    const url = new URL('/login', request.url);
    url.searchParams.set('next', pathname + search);
    return NextResponse.redirect(url);
  }

  let claims: StorefrontClaims;
  try {
    // Edge runtime: keep it cheap, the session cookie is httpOnly and set by our own /api/login.
    claims = decodeJwt(token) as StorefrontClaims; // expect: token.verify
  } catch {
    return NextResponse.redirect(new URL('/login', request.url));
  }

  if (claims.exp && claims.exp * 1000 < Date.now()) {
    const res = NextResponse.redirect(new URL('/login?expired=1', request.url));
    res.cookies.delete(SESSION_COOKIE);
    return res;
  }

  if (pathname.startsWith('/admin') && claims.role !== 'admin') {
    return NextResponse.rewrite(new URL('/403', request.url));
  }

  const headers = new Headers(request.headers);
  headers.set('x-storefront-uid', claims.uid);
  headers.set('x-storefront-role', claims.role);
  if (claims.store) headers.set('x-storefront-store', claims.store);

  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)'],
};
