import axios from 'axios';
import { config } from '../config';
import { ACCESS_TOKEN_KEY } from '../auth/session';

export const api = axios.create({ baseURL: config.apiUrl, timeout: 15_000 });

api.interceptors.request.use((req) => {
  const token = localStorage.getItem(ACCESS_TOKEN_KEY);
  if (token) req.headers.Authorization = `Bearer ${token}`;
  return req;
});

api.interceptors.response.use(
  (res) => res,
  (error) => {
    if (error.response?.status === 401) window.dispatchEvent(new Event('auth:expired'));
    return Promise.reject(error);
  },
);
