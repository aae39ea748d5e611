import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { del, get, set } from 'idb-keyval';
import { jwtDecode } from 'jwt-decode';

const API = import.meta.env.VITE_STUDIO_API;

// localStorage is capped at ~5 MB and we keep show artwork drafts around, so use IndexedDB.
const idbStorage: StateStorage = {
  getItem: async (name) => (await get<string>(name)) ?? null,
  setItem: async (name, value) => set(name, value),
  removeItem: async (name) => del(name),
};

export interface Host {
  id: string;
  name: string;
  avatarUrl?: string;
  showIds: string[];
}

interface SessionState {
  host: Host | null;
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: number;
  lastShowId: string | null;
  signIn: (email: string, password: string) => Promise<void>;
  ensureFresh: () => Promise<string | null>;
  selectShow: (showId: string) => void;
  signOut: () => void;
}

export const useSession = create<SessionState>()(
  persist( // expect: token.storage
    (setState, getState) => ({
      host: null,
      accessToken: null,
      refreshToken: null,
      expiresAt: 0,
      lastShowId: null,

      async signIn(email, password) {
        const res = await fetch(`${API}/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        if (!res.ok) throw new Error(res.status === 401 ? 'Wrong email or password' : 'Sign-in failed');
        const body = await res.json();
        const { exp } = jwtDecode<{ exp: number }>(body.access_token); // ok: token.verify
        setState({ host: body.host, accessToken: body.access_token, refreshToken: body.refresh_token, expiresAt: exp * 1000 });
      },

      async ensureFresh() {
        const { accessToken, refreshToken, expiresAt } = getState();
        if (accessToken && expiresAt - 30_000 > Date.now()) return accessToken; // ok: token.expiry
        if (!refreshToken) return null;
        const res = await fetch(`${API}/auth/refresh`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: refreshToken }),
        });
        if (!res.ok) {
          getState().signOut();
          return null;
        }
        const body = await res.json();
        setState({ accessToken: body.access_token, refreshToken: body.refresh_token, expiresAt: Date.now() + body.expires_in * 1000 });
        return body.access_token as string;
      },

      selectShow(showId) {
        setState({ lastShowId: showId });
      },

      signOut() {
        setState({ host: null, accessToken: null, refreshToken: null, expiresAt: 0 });
      },
    }),
    {
      name: 'podcast-studio.session',
      version: 3,
      storage: createJSONStorage(() => idbStorage),
    },
  ),
);
