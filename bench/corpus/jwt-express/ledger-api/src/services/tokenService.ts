import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { prisma } from '../db';
import { loadSigningKeys } from '../config/keys';

const ISSUER = 'https://auth.ledger.example.com'; // ok: secret.inline
const AUDIENCE = 'ledger-api';
const ACCESS_TTL = '10m';
const REFRESH_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const keys = loadSigningKeys(); // { current: { kid, privateKey }, publicKeys: Map<kid, pem> }

export function issueAccessToken(user: { id: string; orgId: string; role: string }): string {
  return jwt.sign({ org: user.orgId, role: user.role }, keys.current.privateKey, { // ok: token.expiry
    algorithm: 'RS256',
    expiresIn: ACCESS_TTL,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: user.id,
    keyid: keys.current.kid,
  });
}

export function verifyAccessToken(token: string) {
  // Only the header is read here, to pick the verification key by kid.
  const decoded = jwt.decode(token, { complete: true }); // ok: token.verify
  const kid = decoded?.header.kid;
  const publicKey = kid ? keys.publicKeys.get(kid) : undefined;
  if (!publicKey) throw new jwt.JsonWebTokenError('unknown kid');
  return jwt.verify(token, publicKey, { algorithms: ['RS256'], issuer: ISSUER, audience: AUDIENCE });
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest(); // ok: password.hash
}

export async function issueRefreshToken(userId: string, familyId?: string) {
  const token = randomBytes(32).toString('base64url');
  await prisma.refreshToken.create({
    data: {
      userId,
      familyId: familyId ?? randomBytes(12).toString('hex'),
      tokenHash: digest(token).toString('hex'),
      expiresAt: new Date(Date.now() + REFRESH_TTL_MS),
    },
  });
  return token;
}

export async function rotateRefreshToken(presented: string) {
  const hash = digest(presented);
  const record = await prisma.refreshToken.findUnique({ where: { tokenHash: hash.toString('hex') } });
  if (!record || record.revokedAt !== null || record.expiresAt.getTime() < Date.now()) return null;

  const stored = Buffer.from(record.tokenHash, 'hex');
  if (stored.length !== hash.length || !timingSafeEqual(stored, hash)) return null; // ok: compare.timing

  if (record.usedAt !== null) {
    // Reuse of an already-rotated token: revoke the whole family.
    await prisma.refreshToken.updateMany({ where: { familyId: record.familyId }, data: { revokedAt: new Date() } });
    return null;
  }
  await prisma.refreshToken.update({ where: { id: record.id }, data: { usedAt: new Date() } });

  const user = await prisma.user.findUniqueOrThrow({ where: { id: record.userId } });
  return {
    accessToken: issueAccessToken(user),
    refreshToken: await issueRefreshToken(user.id, record.familyId),
  };
}

export async function revokeAllForUser(userId: string) {
  await prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
