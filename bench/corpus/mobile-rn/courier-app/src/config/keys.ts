/**
 * Third-party keys used by the courier app. Anything in this file is compiled into the
 * JS bundle inside the IPA/APK, so it must be safe to publish.
 */
import Config from 'react-native-config';

export const MAPS = {
  // Restricted in Google Cloud to the app's bundle id / SHA-1 fingerprint.
  googleApiKey: 'AIza2KXBST3wEPTgOC9XEiRM3xvqILgif0GTM_V', // ok: secret.inline
  defaultRegion: { latitude: 52.3676, longitude: 4.9041, latitudeDelta: 0.2, longitudeDelta: 0.2 },
};

export const PUSH = {
  oneSignalAppId: '8d3f2a61-47c9-4b0e-9e2d-5c7a1f0b6e34', // ok: secret.inline
};

export const CODEPUSH = {
  ios: Config.CODEPUSH_KEY_IOS ?? 'Xq3vT8mK2pL9wR4nB7cY1zH6jF0sD5gAeU2iO', // ok: secret.inline
  android: Config.CODEPUSH_KEY_ANDROID ?? 'Mv7cK1xP4qT9zL2wB6nR3hY8jD0fS5gAoE1uI',
};

// Recipient verification calls: the driver taps "call customer" and we bridge through Twilio.
export const TWILIO = {
  accountSid: 'ACfec4b83f3eb74a3f1d09d6196dd70277', // ok: secret.inline
  authToken: '4e342312114eabe76e1bc0c557431310', // expect: secret.inline
  proxyServiceSid: 'KS3b9e1d7c5a2f4860b1c3d5e7f9a0b2c4',
  callerId: '+3197010254781',
};

export const SUPPORT = {
  zendeskChatKey: Config.ZENDESK_CHAT_KEY ?? '',
  helpCenterUrl: 'https://help.courierline.app',
};

export const RELEASE = {
  gitSha: '5404352f952116504c45bcaa0dcf01f74ab2b969', // ok: secret.inline
  buildNumber: 418,
};
