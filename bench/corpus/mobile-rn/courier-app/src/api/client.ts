import axios, { AxiosError } from 'axios';
import Config from 'react-native-config';
import { Platform } from 'react-native';
import DeviceInfo from 'react-native-device-info';

export const apiClient = axios.create({
  baseURL: Config.API_URL,
  timeout: 20_000,
  headers: {
    'X-App-Version': DeviceInfo.getVersion(),
    'X-Platform': Platform.OS,
  },
});

let onUnauthorized: (() => Promise<string | null>) | null = null;

export function setAuthHeader(token: string | null) {
  if (token) {
    apiClient.defaults.headers.common.Authorization = `Bearer ${token}`; // ok: token.storage
  } else {
    delete apiClient.defaults.headers.common.Authorization;
  }
}

export function registerRefreshHandler(handler: () => Promise<string | null>) {
  onUnauthorized = handler;
}

apiClient.interceptors.request.use((config) => {
  if (__DEV__) {
    console.log(`→ ${config.method?.toUpperCase()} ${config.url}`, config.params ?? '');
  }
  return config;
});

apiClient.interceptors.response.use(
  (res) => {
    if (__DEV__) console.log(`← ${res.status} ${res.config.url}`);
    return res;
  },
  async (error: AxiosError) => {
    const original = error.config as (typeof error.config & { _retry?: boolean }) | undefined;
    if (error.response?.status === 401 && original && !original._retry && onUnauthorized) {
      original._retry = true;
      const token = await onUnauthorized();
      if (token) {
        original.headers.Authorization = `Bearer ${token}`;
        return apiClient(original);
      }
    }
    return Promise.reject(error);
  },
);

export async function uploadProofOfDelivery(stopId: string, photoUri: string, token: string) {
  const form = new FormData();
  form.append('photo', { uri: photoUri, name: `${stopId}.jpg`, type: 'image/jpeg' } as any);
  return fetch(`${Config.UPLOAD_URL}/stops/${encodeURIComponent(stopId)}/pod`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
}
