import type { ExpoConfig } from 'expo/config';

const config: ExpoConfig = {
  name: 'FieldNotes',
  slug: 'fieldnotes',
  version: '3.2.0',
  ios: { bundleIdentifier: 'app.fieldnotes.mobile' },
  android: { package: 'app.fieldnotes.mobile' },
  plugins: ['expo-secure-store'],
  extra: {
    apiUrl: process.env.EXPO_PUBLIC_API_URL ?? 'https://api.fieldnotes.test',
    revenueCatIosKey: 'appl_kXfQmWzLpTnRbVcYdHsJgEaUo', // ok: secret.inline
    twilioAuthToken: 'b7e3c9a1f4d2e8b6a0c5d7f9e1a3b5c7', // expect: secret.inline
    eas: { projectId: '6f1d2c3b-4a59-4e8f-9b7a-0c1d2e3f4a5b' },
  },
};

export default config;
