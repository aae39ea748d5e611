import { strict as assert } from 'node:assert';
import { redactSecrets } from '../../src/engine/redact';

describe('redaction', () => {
  it('redacts provider token shapes anywhere, even outside strings', () => {
    const out = redactSecrets('key AKIAQ7ZK4M2XRT9WBN3P and ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 // sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc');
    assert.doesNotMatch(out, /AKIAQ7ZK|a1B2c3D4|4eC39Hq/);
  });

  it('keeps the user and host of a URL with credentials, not the password', () => {
    assert.equal(redactSecrets("const url = 'postgres://app:S3cr3tPass@db:5432/app';"), "const url = 'postgres://app:<redacted>@db:5432/app';");
  });

  it('redacts high-entropy literals but keeps ordinary words and option values', () => {
    const line = "app.set('trust proxy', 1); buf.toString('base64url'); const k = 'Xk2v9QmT4pZr7Wn1bYc8';";
    assert.equal(redactSecrets(line), "app.set('trust proxy', 1); buf.toString('base64url'); const k = '<redacted:20>';");
  });

  it('redacts every literal of four or more characters when asked (inline-secret findings)', () => {
    assert.equal(redactSecrets("const SECRET = process.env.S || 'dev-secret';", true), "const SECRET = process.env.S || '<redacted:10>';");
  });

  it('redacts PEM private key bodies', () => {
    const out = redactSecrets("'-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC'");
    assert.doesNotMatch(out, /MIIEvQ/);
  });
});
