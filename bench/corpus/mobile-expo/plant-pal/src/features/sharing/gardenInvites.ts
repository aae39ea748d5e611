import * as Crypto from 'expo-crypto';
import * as Linking from 'expo-linking';
import * as Sharing from 'expo-sharing';
import { addDoc, collection, doc, getDoc, serverTimestamp, Timestamp, updateDoc } from 'firebase/firestore';

import { db, auth } from '../../lib/backend';

const INVITE_TTL_MS = 48 * 60 * 60 * 1000;

export interface GardenInvite {
  gardenId: string;
  createdBy: string;
  code: string;
  token: string;
  expiresAt: Timestamp;
  redeemedBy?: string;
}

/** Six-digit code people can read out loud to a family member. */
function makeJoinCode(): string {
  return Math.floor(100000 + Math.random() * 900000).toString(); // expect: session.handrolled
}

function makeInviteToken(): string {
  return Math.random().toString(36).slice(2) + Date.now().toString(36); // expect: session.handrolled
}

export async function createInvite(gardenId: string) {
  const uid = auth.currentUser?.uid;
  if (!uid) throw new Error('Sign in to share a garden');

  const invite: GardenInvite = {
    gardenId,
    createdBy: uid,
    code: makeJoinCode(),
    token: makeInviteToken(),
    expiresAt: Timestamp.fromMillis(Date.now() + INVITE_TTL_MS),
  };
  const ref = await addDoc(collection(db, 'gardenInvites'), { ...invite, createdAt: serverTimestamp() });
  const url = Linking.createURL('/join', { queryParams: { invite: ref.id, t: invite.token } });
  return { id: ref.id, code: invite.code, url };
}

export async function shareInvite(gardenName: string, url: string) {
  if (!(await Sharing.isAvailableAsync())) return false;
  await Sharing.shareAsync(url, { dialogTitle: `Join ${gardenName} on PlantPal` });
  return true;
}

export async function redeemInvite(inviteId: string, token: string) {
  const uid = auth.currentUser?.uid;
  if (!uid) throw new Error('Sign in first');

  const snap = await getDoc(doc(db, 'gardenInvites', inviteId));
  if (!snap.exists()) throw new Error('Invite not found');
  const invite = snap.data() as GardenInvite;

  if (invite.token !== token) throw new Error('Invite link is invalid'); // ok: compare.timing
  if (invite.expiresAt.toMillis() < Date.now()) throw new Error('Invite expired');
  if (invite.redeemedBy) throw new Error('Invite already used');

  await updateDoc(snap.ref, { redeemedBy: uid, redeemedAt: serverTimestamp() });
  return invite.gardenId;
}

/** Photo file names only need to be unique per device. */
export function photoFileName(plantId: string): string {
  return `${plantId}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`; // ok: session.handrolled
}

export async function deviceInstallId(): Promise<string> {
  return Crypto.randomUUID();
}
