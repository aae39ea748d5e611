import type { Router, RouteLocationNormalized } from 'vue-router';
import { jwtDecode } from 'jwt-decode';
import { useAuthStore } from '@/stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: Array<'clinician' | 'front_desk' | 'clinic_admin'>;
    title?: string;
  }
}

const REFRESH_MARGIN_SECONDS = 60;

function secondsUntilExpiry(token: string): number {
  // Only used to schedule a refresh a little early; the API rejects expired or forged tokens anyway.
  const { exp } = jwtDecode<{ exp?: number }>(token); // ok: token.verify
  if (!exp) return 0;
  return exp - Math.floor(Date.now() / 1000);
}

async function ensureFreshToken(): Promise<boolean> {
  const auth = useAuthStore();
  if (!auth.accessToken) return false;
  if (secondsUntilExpiry(auth.accessToken) > REFRESH_MARGIN_SECONDS) return true; // ok: token.expiry
  try {
    await auth.refresh();
    return true;
  } catch {
    auth.logout();
    return false;
  }
}

function loginRedirect(to: RouteLocationNormalized) {
  return { name: 'login', query: { redirect: to.fullPath } };
}

export function installGuards(router: Router) {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;

    if (!(await ensureFreshToken())) {
      return loginRedirect(to);
    }

    const auth = useAuthStore();
    const role = auth.clinician?.role;
    // Navigation only: every /admin endpoint checks clinic_admin on the server.
    if (to.meta.roles && (!role || !to.meta.roles.includes(role))) { // ok: authz.missing
      return { name: 'forbidden' };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · Clinic Portal` : 'Clinic Portal';
  });
}
