import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { jwtDecode } from 'jwt-decode';
import { api } from '@/services/api';

export interface Clinician {
  id: string;
  fullName: string;
  email: string;
  clinicId: string;
  role: 'clinician' | 'front_desk' | 'clinic_admin';
}

interface LoginResult {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  clinician: Clinician;
}

export const useAuthStore = defineStore(
  'auth',
  () => {
    const clinician = ref<Clinician | null>(null);
    const accessToken = ref<string | null>(null);
    const refreshToken = ref<string | null>(null);
    const lastClinicId = ref<string | null>(null);

    const isAuthenticated = computed(() => {
      if (!accessToken.value) return false;
      const { exp } = jwtDecode<{ exp: number }>(accessToken.value);
      return exp * 1000 > Date.now();
    });

    async function login(email: string, password: string, clinicId: string) {
      const { data } = await api.post<LoginResult>('/auth/token', {
        grant_type: 'password',
        username: email,
        password,
        clinic_id: clinicId,
      });
      accessToken.value = data.access_token;
      refreshToken.value = data.refresh_token;
      clinician.value = data.clinician;
      lastClinicId.value = clinicId;
    }

    async function refresh() {
      if (!refreshToken.value) throw new Error('Not signed in');
      const { data } = await api.post<LoginResult>('/auth/token', {
        grant_type: 'refresh_token',
        refresh_token: refreshToken.value,
      });
      accessToken.value = data.access_token;
      refreshToken.value = data.refresh_token;
    }

    function logout() {
      accessToken.value = null;
      refreshToken.value = null;
      clinician.value = null;
    }

    return { clinician, accessToken, refreshToken, lastClinicId, isAuthenticated, login, refresh, logout };
  },
  {
    // Only the profile survives a reload; tokens stay in memory and the refresh
    // token is re-obtained through the httpOnly SSO cookie (see services/api.ts).
    persist: { key: 'clinic-portal.auth', storage: localStorage, pick: ['clinician', 'lastClinicId'] }, // ok: token.storage
  },
);

export const usePreferencesStore = defineStore('preferences', {
  state: () => ({
    calendarView: 'week' as 'day' | 'week' | 'month',
    density: 'comfortable' as 'compact' | 'comfortable',
    showCancelled: false,
  }),
  actions: {
    setCalendarView(view: 'day' | 'week' | 'month') {
      this.calendarView = view;
    },
  },
  persist: true, // ok: token.storage
});
