import AsyncStorage from '@react-native-async-storage/async-storage';
import * as Keychain from 'react-native-keychain';
import crashlytics from '@react-native-firebase/crashlytics';

import { apiClient, setAuthHeader } from '../api/client';

const KEYS = {
  accessToken: '@courier/accessToken',
  driver: '@courier/driver',
  lastShiftId: '@courier/lastShiftId',
  offlineQueue: '@courier/offlineQueue',
} as const;

const KEYCHAIN_SERVICE = 'app.courierline.refresh';

export interface Driver {
  id: string;
  name: string;
  phone: string;
  depotCode: string;
  vehiclePlate?: string;
}

interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  driver: Driver;
}

export async function signIn(phone: string, pin: string): Promise<Driver> {
  const { data } = await apiClient.post<LoginResponse>('/drivers/sessions', { phone, pin });
  const { accessToken, refreshToken, driver } = data;

  await Keychain.setGenericPassword(driver.id, refreshToken, { // ok: token.storage
    service: KEYCHAIN_SERVICE,
    accessible: Keychain.ACCESSIBLE.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY,
  });
  await AsyncStorage.multiSet([
    [KEYS.accessToken, accessToken], // expect: token.storage
    [KEYS.driver, JSON.stringify(driver)], // ok: token.storage
  ]);

  setAuthHeader(accessToken);
  await crashlytics().setUserId(driver.id);
  await crashlytics().setAttribute('depot', driver.depotCode);
  return driver;
}

export async function refreshSession(): Promise<string | null> {
  const creds = await Keychain.getGenericPassword({ service: KEYCHAIN_SERVICE });
  if (!creds) return null;
  try {
    const { data } = await apiClient.post<LoginResponse>('/drivers/sessions/refresh', {
      refreshToken: creds.password,
    });
    await Keychain.setGenericPassword(data.driver.id, data.refreshToken, { service: KEYCHAIN_SERVICE });
    await AsyncStorage.setItem(KEYS.accessToken, data.accessToken); // expect: token.storage
    setAuthHeader(data.accessToken);
    return data.accessToken;
  } catch (err) {
    crashlytics().recordError(err as Error);
    return null;
  }
}

export async function restoreSession(): Promise<Driver | null> {
  const [[, token], [, driverJson]] = await AsyncStorage.multiGet([KEYS.accessToken, KEYS.driver]);
  if (token && driverJson) { // expect: token.expiry
    setAuthHeader(token);
    return JSON.parse(driverJson) as Driver;
  }
  const refreshed = await refreshSession();
  if (!refreshed) return null;
  const stored = await AsyncStorage.getItem(KEYS.driver);
  return stored ? (JSON.parse(stored) as Driver) : null;
}

export async function rememberShift(shiftId: string) {
  await AsyncStorage.setItem(KEYS.lastShiftId, shiftId);
}

export async function signOut() {
  await Keychain.resetGenericPassword({ service: KEYCHAIN_SERVICE });
  await AsyncStorage.multiRemove([KEYS.accessToken, KEYS.driver, KEYS.offlineQueue]);
  setAuthHeader(null);
}
