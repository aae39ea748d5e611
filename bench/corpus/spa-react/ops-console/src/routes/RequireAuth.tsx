import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { jwtDecode } from 'jwt-decode';
import { useMemo } from 'react';

import { SESSION_KEYS } from '../lib/session';
import { AppShell } from '../components/AppShell';

interface OpsClaims {
  sub: string;
  name?: string;
  email?: string;
  picture?: string;
  exp: number;
  'https://ops.tallyfield.io/roles'?: string[];
}

function readToken(): string | null {
  return sessionStorage.getItem(SESSION_KEYS.idToken);
}

export function RequireAuth() {
  const location = useLocation();
  const token = readToken();

  if (!token) { // expect: token.expiry
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  }

  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function useOpsUser() {
  const token = readToken();
  return useMemo(() => {
    if (!token) return null;
    // Header avatar and name only.
    const claims = jwtDecode<OpsClaims>(token); // ok: token.verify
    return {
      id: claims.sub,
      name: claims.name ?? claims.email ?? 'Operator',
      avatarUrl: claims.picture,
    };
  }, [token]);
}

export function RequireSuperAdmin({ children }: { children: React.ReactNode }) {
  const token = readToken();
  if (!token) return <Navigate to="/login" replace />;

  const claims = jwtDecode<OpsClaims>(token); // expect: token.verify
  const roles = claims['https://ops.tallyfield.io/roles'] ?? [];
  if (!roles.includes('superadmin')) {
    return <Navigate to="/403" replace />;
  }
  return <>{children}</>;
}

export function useIsSuperAdmin(): boolean {
  const token = readToken();
  if (!token) return false;
  const roles = jwtDecode<OpsClaims>(token)['https://ops.tallyfield.io/roles'] ?? [];
  return roles.includes('superadmin');
}
