import { Router } from 'express';
import bcrypt from 'bcrypt';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import { prisma } from '../db';
import { requireStaff } from './jwtStrategy';
import { sendInviteEmail } from '../mail';

const router = Router();
const privateKey = process.env.CLINIC_JWT_PRIVATE_KEY!.replace(/\\n/g, '\n');

function accessTokenFor(staff: { id: string; tokenVersion: number; clinicId: string }) {
  return jwt.sign({ ver: staff.tokenVersion, clinic: staff.clinicId }, privateKey, {
    algorithm: 'RS256',
    expiresIn: '20m',
    subject: staff.id,
    issuer: 'https://clinic-portal.example.org',
    audience: 'clinic-portal-web',
  });
}

router.post('/login', async (req, res) => {
  const email = String(req.body.email ?? '').trim().toLowerCase();
  const password = String(req.body.password ?? '');
  const staff = await prisma.staffMember.findUnique({ where: { email } });
  const ok = staff ? await bcrypt.compare(password, staff.passwordHash) : false;
  if (!staff || !ok || staff.status !== 'active') { // ok: compare.timing
    return res.status(401).json({ error: 'invalid_credentials' });
  }
  const refresh = randomBytes(32).toString('base64url');
  await prisma.staffSession.create({
    data: { staffId: staff.id, refreshHash: await bcrypt.hash(refresh, 10), expiresAt: new Date(Date.now() + 12 * 3600_000) },
  });
  res.cookie('cp_refresh', refresh, { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth', maxAge: 12 * 3600_000 }); // ok: token.storage
  return res.json({ accessToken: accessTokenFor(staff) });
});

// Clinic admins invite staff; the invitee picks a password from the emailed link.
router.post('/invites/:token/accept', async (req, res) => {
  const invite = await prisma.staffInvite.findUnique({ where: { token: req.params.token } });
  if (!invite || invite.acceptedAt || invite.expiresAt < new Date()) {
    return res.status(410).json({ error: 'invite_expired' });
  }
  const password = String(req.body.password ?? '');
  if (password.length < 12) return res.status(400).json({ error: 'password_too_short' });

  const passwordHash = await bcrypt.hash(password, 8); // expect: password.hash
  await prisma.$transaction([
    prisma.staffMember.create({ data: { email: invite.email, clinicId: invite.clinicId, role: invite.role, passwordHash } }),
    prisma.staffInvite.update({ where: { id: invite.id }, data: { acceptedAt: new Date() } }),
  ]);
  return res.status(201).end();
});

router.post('/invites', requireStaff, async (req, res) => {
  const me = req.user as { id: string; clinicId: string; role: string };
  if (me.role !== 'clinic_admin') return res.status(403).end();
  const token = randomBytes(24).toString('base64url');
  await prisma.staffInvite.create({
    data: { token, email: req.body.email, role: req.body.role === 'doctor' ? 'doctor' : 'nurse', clinicId: me.clinicId, expiresAt: new Date(Date.now() + 72 * 3600_000) },
  });
  await sendInviteEmail(req.body.email, `https://clinic-portal.example.org/invite/${token}`);
  return res.status(202).end();
});

export default router;
