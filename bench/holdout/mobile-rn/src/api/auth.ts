import Constants from 'expo-constants';
import { saveTokens } from '../auth/storage';
import { store } from '../store';
import { setCredentials } from '../store/authSlice';

const API_URL: string = Constants.expoConfig?.extra?.apiUrl;

export class ApiError extends Error {
  constructor(public status: number) {
    super(`HTTP ${status}`);
  }
}

export async function login(email: string, password: string) {
  const res = await fetch(`${API_URL}/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new ApiError(res.status);
  const body = await res.json();
  await saveTokens({ accessToken: body.access_token, refreshToken: body.refresh_token });
  store.dispatch(setCredentials({ user: body.user, token: body.access_token }));
  return body.user;
}
