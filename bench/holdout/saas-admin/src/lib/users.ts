import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { db } from './db';

// Verified against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Wq0nB7mKx1e2cZyV9pLhT4rS8uF6aD5gJ0iO2kE1wQ'; // ok: secret.inline

export async function verifyCredentials(email: string, password: string) {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!user) {
    await argon2.verify(DUMMY_HASH, password).catch(() => false); // ok: compare.timing
    return null;
  }
  return (await argon2.verify(user.password_hash, password)) ? user : null; // ok: password.hash
}

export async function setPassword(userId: string, password: string) {
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 }); // ok: password.hash
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export function hashApiKey(raw: string): string {
  return createHash('sha256').update(raw).digest('hex'); // ok: password.hash
}

export async function createApiKey(userId: string): Promise<string> {
  const raw = `sk_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('api_keys').values({ user_id: userId, key_hash: hashApiKey(raw), created_at: new Date() }).execute();
  return raw;
}

export async function upsertFromSaml(profile: { nameID: string; email?: string }) {
  return db
    .insertInto('users')
    .values({ email: (profile.email ?? profile.nameID).toLowerCase(), sso_subject: profile.nameID })
    .onConflict((oc) => oc.column('sso_subject').doUpdateSet({ last_login_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
