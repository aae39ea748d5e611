import { jwtDecode, type JwtPayload } from 'jwt-decode';

export const ACCESS_TOKEN_KEY = 'acme.access_token';

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  user: { id: string; name: string; avatarUrl: string | null };
}

export function persistSession(data: LoginResponse) {
  const { accessToken, user } = data;
  window.localStorage.setItem(ACCESS_TOKEN_KEY, accessToken); // expect: token.storage
  localStorage.setItem('acme.profile', JSON.stringify({ name: user.name, avatarUrl: user.avatarUrl })); // ok: token.storage
}

export function clearSession() {
  localStorage.removeItem(ACCESS_TOKEN_KEY); // ok: token.storage
  localStorage.removeItem('acme.profile');
}

export function isExpired(token: string): boolean {
  const { exp } = jwtDecode<JwtPayload>(token); // ok: token.verify
  return !exp || exp * 1000 <= Date.now();
}
