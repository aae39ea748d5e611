import crypto from 'node:crypto';
import type { Request } from 'express';

type RawRequest = Request & { rawBody: Buffer };

export function verifySlack(req: RawRequest): boolean {
  const ts = String(req.headers['x-slack-request-timestamp'] ?? '');
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 60 * 5) return false; // ok: compare.timing
  const base = `v0:${ts}:${req.rawBody.toString('utf8')}`;
  const mine = Buffer.from('v0=' + crypto.createHmac('sha256', process.env.SLACK_SIGNING_SECRET!).update(base).digest('hex'));
  const theirs = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
  return mine.length === theirs.length && crypto.timingSafeEqual(mine, theirs); // ok: compare.timing
}

export function verifyShopify(rawBody: Buffer, hmacHeader: string): boolean {
  const digest = crypto.createHmac('sha256', process.env.SHOPIFY_API_SECRET!).update(rawBody).digest('base64');
  return digest === hmacHeader; // expect: compare.timing
}

export function verifyIntercom(rawBody: Buffer, signatureHeader: string): boolean {
  const expected = crypto.createHmac('sha1', process.env.INTERCOM_CLIENT_SECRET!).update(rawBody).digest('hex'); // ok: password.hash
  return Buffer.from(expected).equals(Buffer.from(signatureHeader.replace(/^sha1=/, ''))); // expect: compare.timing
}
