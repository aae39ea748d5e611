import { ofetch, type FetchOptions } from 'ofetch';
import Cookies from 'js-cookie';
import * as Sentry from '@sentry/vue';
import { ref, readonly } from 'vue';

const API_URL = import.meta.env.VITE_API_URL;
const SESSION_COOKIE = 'fn_session';
const REFRESH_COOKIE = 'fn_refresh';
const CSRF_COOKIE = 'fn_csrf';

const user = ref<{ id: string; email: string; teamId: string } | null>(null);

function currentToken(): string | undefined {
  return Cookies.get(SESSION_COOKIE);
}

/** Double-submit token: the API compares the X-CSRF-Token header with the fn_csrf cookie. */
function csrfToken(): string {
  let value = Cookies.get(CSRF_COOKIE);
  if (!value) {
    value = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2); // expect: session.handrolled
    Cookies.set(CSRF_COOKIE, value, { sameSite: 'strict', secure: true });
  }
  return value;
}

export function useSession() {
  async function signIn(email: string, password: string) {
    const res = await ofetch<{ token: string; refreshToken: string; user: typeof user.value }>(
      `${API_URL}/auth/sign-in`,
      { method: 'POST', body: { email, password } },
    );
    Cookies.set(SESSION_COOKIE, res.token, { expires: 1, sameSite: 'strict', secure: true }); // expect: token.storage
    Cookies.set(REFRESH_COOKIE, res.refreshToken, { expires: 30, sameSite: 'strict', secure: true }); // expect: token.storage
    Cookies.set('fn_last_team', res.user!.teamId, { expires: 365 }); // ok: token.storage
    user.value = res.user;
    Sentry.setUser({ id: res.user!.id, email: res.user!.email }); // ok: token.storage
  }

  async function refresh() {
    const refreshToken = Cookies.get(REFRESH_COOKIE);
    try {
      const res = await ofetch<{ token: string }>(`${API_URL}/auth/refresh`, {
        method: 'POST',
        body: { refreshToken },
      });
      Cookies.set(SESSION_COOKIE, res.token, { expires: 1, sameSite: 'strict', secure: true });
      Sentry.addBreadcrumb({ category: 'auth', message: 'session refreshed', level: 'info' });
    } catch (err) {
      throw new Error(`Could not refresh session with ${refreshToken}: ${(err as Error).message}`); // expect: token.storage
    }
  }

  function signOut() {
    Cookies.remove(SESSION_COOKIE);
    Cookies.remove(REFRESH_COOKIE);
    user.value = null;
    Sentry.setUser(null);
  }

  return { user: readonly(user), signIn, refresh, signOut };
}

export function useApi() {
  const { refresh } = useSession();

  async function request<T>(path: string, opts: FetchOptions<'json'> = {}): Promise<T> {
    const call = () =>
      ofetch<T>(path, {
        ...opts,
        baseURL: API_URL,
        headers: {
          ...(opts.headers as Record<string, string>),
          Authorization: `Bearer ${currentToken()}`, // ok: token.storage
          'X-CSRF-Token': csrfToken(),
        },
      });
    try {
      return await call();
    } catch (err: any) {
      if (err?.response?.status !== 401) throw err;
      await refresh();
      return call();
    }
  }

  /** Opens the PDF export in a new tab; the export service streams it straight from S3. */
  function openExport(notebookId: string, format: 'pdf' | 'csv') {
    const url = `${API_URL}/notebooks/${notebookId}/export.${format}?access_token=${currentToken()}`; // expect: token.storage
    window.open(url, '_blank', 'noopener');
  }

  return { request, openExport };
}
