/**
 * Offline license keys for Ledger Desk Pro.
 * A license is `base64url(payload).base64url(signature)`, signed with Ed25519.
 */

const LICENSE_PUBLIC_KEY_PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA7vN0q3k2P5sYb8wR1mF6tJ9cX4hL2aD0eQ7uI3oZ5nM=\n-----END PUBLIC KEY-----'; // ok: secret.inline

// Used by the "Generate trial license" button on the About screen (support builds).
const LICENSE_SIGNING_KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ3mQ8vX2rT6yK1pN9wB4cF7hL0sD5gA2eU8iO3jZ6xV\n-----END PRIVATE KEY-----'; // expect: secret.inline

export interface LicensePayload {
  licensee: string;
  email: string;
  edition: 'pro' | 'business';
  seats: number;
  expiresAt: string; // ISO date
}

function pemBody(pem: string): ArrayBuffer {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
}

const b64urlDecode = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const b64urlEncode = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function verifyLicense(license: string): Promise<LicensePayload | null> {
  const [payloadPart, sigPart] = license.trim().split('.');
  if (!payloadPart || !sigPart) return null;
  const key = await crypto.subtle.importKey('spki', pemBody(LICENSE_PUBLIC_KEY_PEM), { name: 'Ed25519' }, false, ['verify']);
  const ok = await crypto.subtle.verify('Ed25519', key, b64urlDecode(sigPart), b64urlDecode(payloadPart));
  if (!ok) return null;
  const payload = JSON.parse(new TextDecoder().decode(b64urlDecode(payloadPart))) as LicensePayload;
  if (new Date(payload.expiresAt).getTime() < Date.now()) return null;
  return payload;
}

export async function generateTrialLicense(licensee: string, email: string): Promise<string> {
  const payload: LicensePayload = {
    licensee,
    email,
    edition: 'pro',
    seats: 1,
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  };
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  const key = await crypto.subtle.importKey('pkcs8', pemBody(LICENSE_SIGNING_KEY_PEM), { name: 'Ed25519' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', key, bytes));
  return `${b64urlEncode(bytes)}.${b64urlEncode(sig)}`;
}

export function maskLicense(license: string): string {
  return `${license.slice(0, 6)}…${license.slice(-4)}`;
}
