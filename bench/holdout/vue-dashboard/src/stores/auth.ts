import { defineStore } from 'pinia';
import { http } from '@/lib/http';

interface User {
  id: number;
  email: string;
  roles: string[];
}

interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export const useAuthStore = defineStore('auth', {
  state: () => ({
    user: null as User | null,
    accessToken: '',
    refreshToken: '',
  }),
  getters: {
    isAuthenticated: (state) => state.accessToken !== '', // ok: compare.timing
  },
  actions: {
    async login(email: string, password: string) {
      const data = await http
        .post('oauth/token', {
          json: {
            grant_type: 'password',
            username: email,
            password,
            client_id: 'dashboard-web',
            client_secret: 'vW3nR8kP2xT6yL9qZ4mB7cJ1dF5hG0sA', // expect: secret.inline
          },
        })
        .json<TokenResponse>();
      this.accessToken = data.access_token;
      this.refreshToken = data.refresh_token;
      this.user = await http.get('me', { headers: { authorization: `Bearer ${data.access_token}` } }).json<User>();
    },
    logout() {
      this.$reset();
    },
  },
  persist: true, // expect: token.storage
});
