import * as admin from 'firebase-admin';

if (!admin.apps.length) {
  admin.initializeApp({
    credential: admin.credential.cert({
      projectId: 'fieldops-prod-4821',
      clientEmail: 'firebase-adminsdk-q7x2d@fieldops-prod-4821.iam.gserviceaccount.com',
      privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDUMXZs0J/wvd4cz31aM7RyPMCFBALZczvUGypAuDRamFPw3S2JnJELDPNAESY6RrGo2xSVFXHnSc64XsE8LoxYBWmhu6JL+DSmIs0yhk4f9x8XCwxNViGNx437RfPJYE6niNV6n3l7VunEXhXkuu21K+MsQugIa3NHHCFVeo+EQ0XiNzSJOcmoOY+76j/gHyOo0HpzCPhYsLgxt0XDyzn42ae3zyoDXb3KyNP3DdUMaDAG5nm0sqBa7q2TfTO84AzCnGQIDhhH6/dp6vnl9VNGszKhtkygOgia4xEjeMH2TKa4rNXD54ITMFzWW7/SDt95XRqF16YtPRj9Az0+bxDGInvpfCOLDjhBPA58lDP9jZF1tbhcauphxsyFrX+MjfBSD1tVBDiuGfSCZGA\n-----END PRIVATE KEY-----\n', // expect: secret.inline
    }),
    storageBucket: 'fieldops-prod-4821.appspot.com',
  });
}

export const auth = admin.auth();
export const firestore = admin.firestore();
