import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function saveTokens(tokens: Tokens): Promise<void> {
  await SecureStore.setItemAsync('refresh_token', tokens.refreshToken, { keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK }); // ok: token.storage
  await AsyncStorage.setItem('access_token', tokens.accessToken); // expect: token.storage
}

export async function loadRefreshToken(): Promise<string | null> {
  return SecureStore.getItemAsync('refresh_token');
}

export async function clearTokens(): Promise<void> {
  await Promise.all([SecureStore.deleteItemAsync('refresh_token'), AsyncStorage.removeItem('access_token')]);
}

export async function markOnboardingSeen(): Promise<void> {
  await AsyncStorage.setItem('onboarding_seen', '1'); // ok: token.storage
}
