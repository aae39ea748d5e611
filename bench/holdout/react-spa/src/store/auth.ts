import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface User {
  id: string;
  name: string;
  avatarUrl: string | null;
}

interface AuthState {
  user: User | null;
  token: string | null;
  setUser: (user: User, token: string) => void;
  logout: () => void;
}

interface PrefsState {
  theme: 'light' | 'dark';
  density: 'comfortable' | 'compact';
  setTheme: (theme: PrefsState['theme']) => void;
}

const authSlice: StateCreator<AuthState> = (set) => ({
  user: null,
  token: null,
  setUser: (user, token) => set({ user, token }),
  logout: () => set({ user: null, token: null }),
});

const prefsSlice: StateCreator<PrefsState> = (set) => ({
  theme: 'light',
  density: 'comfortable',
  setTheme: (theme) => set({ theme }),
});

export const useAuthStore = create<AuthState>()(persist(authSlice, { name: 'auth-storage' })); // expect: token.storage

export const usePrefsStore = create<PrefsState>()(persist(prefsSlice, { name: 'prefs', storage: createJSONStorage(() => localStorage) })); // ok: token.storage

export const useSessionMeta = create<AuthState>()(persist(authSlice, { name: 'session-meta', partialize: (s) => ({ user: s.user }) })); // ok: token.storage
