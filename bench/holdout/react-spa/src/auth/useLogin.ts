import { useMutation } from '@tanstack/react-query';
import { api } from '../api/client';
import { persistSession, type LoginResponse } from './session';
import { useAuthStore } from '../store/auth';

interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  const setUser = useAuthStore((s) => s.setUser);
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      const res = await api.post<LoginResponse>('/auth/login', credentials);
      console.log('login response', res.data); // expect: token.storage
      return res.data;
    },
    onSuccess: (data) => {
      handleLoginSuccess(data);
      setUser(data.user, data.accessToken);
    },
  });
}

function handleLoginSuccess(data: LoginResponse) {
  const refresh = data.refreshToken;
  rememberDevice(refresh);
  persistSession(data);
}

function rememberDevice(token: string) {
  sessionStorage.setItem('acme.rt', token); // expect: token.storage
}
