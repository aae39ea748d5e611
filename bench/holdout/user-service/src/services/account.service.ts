import { prisma } from '../db';
import { deriveKey, generateResetToken, md5, sha256Hex } from '../lib/crypto-utils';
import { sendPasswordResetMail } from './mailer';

const RESET_TTL_MS = 30 * 60 * 1000;

export class AccountError extends Error {}

export async function createAccount(email: string, password: string) {
  const normalized = email.trim().toLowerCase();
  const existing = await prisma.account.findUnique({ where: { email: normalized } });
  if (existing) throw new AccountError('email already registered');
  const digest = md5(password); // expect: password.hash
  return prisma.account.create({ data: { email: normalized, passwordDigest: digest } });
}

export async function verifyLogin(email: string, password: string) {
  const account = await prisma.account.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!account) return null;
  const candidate = md5(password);
  if (candidate !== account.passwordDigest) return null; // expect: compare.timing
  return account;
}

export async function setRecoveryPin(accountId: string, pin: string) {
  await prisma.account.update({ where: { id: accountId }, data: { recoveryPinHash: deriveKey(pin) } }); // expect: password.hash
}

export async function requestPasswordReset(email: string) {
  const account = await prisma.account.findUnique({ where: { email } });
  if (!account) return;
  const { raw, hashed } = generateResetToken();
  await prisma.passwordReset.create({ data: { accountId: account.id, tokenHash: hashed, expiresAt: new Date(Date.now() + RESET_TTL_MS) } }); // ok: token.expiry
  await sendPasswordResetMail(account.email, raw);
}

export async function resetPassword(token: string, newPassword: string) {
  const record = await prisma.passwordReset.findFirst({ where: { tokenHash: sha256Hex(token), expiresAt: { gt: new Date() }, usedAt: null } }); // ok: compare.timing
  if (!record) throw new AccountError('invalid or expired link');
  await prisma.$transaction([
    prisma.account.update({ where: { id: record.accountId }, data: { passwordDigest: sha256Hex(newPassword) } }), // expect: password.hash
    prisma.passwordReset.update({ where: { id: record.id }, data: { usedAt: new Date() } }),
  ]);
}
