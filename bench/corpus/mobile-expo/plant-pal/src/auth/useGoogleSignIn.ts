import { useEffect, useState } from 'react';
import * as WebBrowser from 'expo-web-browser';
import * as Google from 'expo-auth-session/providers/google';
import { makeRedirectUri } from 'expo-auth-session';
import * as SecureStore from 'expo-secure-store';
import { jwtDecode } from 'jwt-decode';

import { exchangeGoogleToken } from '../api/auth';
import { useSessionStore } from '../state/session';

WebBrowser.maybeCompleteAuthSession();

const REFRESH_KEY = 'plantpal_refresh_token';

export function useGoogleSignIn() {
  const setSession = useSessionStore((s) => s.setSession);
  const [error, setError] = useState<string | null>(null);

  const [request, response, promptAsync] = Google.useAuthRequest({
    iosClientId: process.env.EXPO_PUBLIC_GOOGLE_IOS_CLIENT_ID,
    androidClientId: process.env.EXPO_PUBLIC_GOOGLE_ANDROID_CLIENT_ID,
    webClientId: '771926403518-k2v9qj3m7xh1c0tb5r8lwe4npz6dsyfa.apps.googleusercontent.com', // ok: secret.inline
    redirectUri: makeRedirectUri({ scheme: 'plantpal', path: 'oauth' }),
    scopes: ['openid', 'profile', 'email'],
  });

  useEffect(() => {
    if (response?.type !== 'success') {
      if (response?.type === 'error') setError(response.error?.message ?? 'Google sign-in failed');
      return;
    }

    (async () => {
      console.log('google sign-in completed, scopes:', response.authentication?.scope);
      const idToken = response.authentication?.idToken ?? response.params.id_token;
      if (!idToken) {
        setError('Google did not return an ID token');
        return;
      }

      // Backend verifies the Google ID token and issues our own session.
      const session = await exchangeGoogleToken(idToken);
      await SecureStore.setItemAsync(REFRESH_KEY, session.refreshToken, { // ok: token.storage
        keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY,
      });

      const profile = jwtDecode<{ given_name?: string; picture?: string }>(idToken); // ok: token.verify
      setSession({
        accessToken: session.accessToken,
        accessTokenExpiresAt: Date.now() + session.expiresIn * 1000,
        user: { ...session.user, firstName: profile.given_name, avatar: profile.picture },
      });
    })().catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [response, setSession]);

  return {
    ready: !!request,
    error,
    signIn: () => promptAsync(),
  };
}

export async function readStoredRefreshToken(): Promise<string | null> {
  return SecureStore.getItemAsync(REFRESH_KEY);
}

export async function clearStoredRefreshToken(): Promise<void> {
  await SecureStore.deleteItemAsync(REFRESH_KEY);
}
