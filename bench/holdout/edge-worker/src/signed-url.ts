const enc = new TextEncoder();

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function verifySignedUrl(url: URL, secret: string): Promise<boolean> {
  const sig = url.searchParams.get('sig') ?? '';
  const expires = Number(url.searchParams.get('exp'));
  if (!expires || expires < Date.now() / 1000) return false; // ok: compare.timing
  if (!/^[0-9a-f]{64}$/.test(sig)) return false;
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return crypto.subtle.verify('HMAC', key, hexToBytes(sig), enc.encode(`${url.pathname}:${expires}`)); // ok: compare.timing
}
