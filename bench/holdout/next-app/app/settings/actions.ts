'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { db } from '@/lib/db';

export async function updateDisplayName(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) redirect('/login');
  await db.user.update({ where: { id: session.user.id }, data: { name: String(formData.get('name') ?? '').slice(0, 80) } });
  revalidatePath('/settings');
}

export async function transferProject(formData: FormData) { // expect: authz.missing
  const projectId = String(formData.get('projectId'));
  const newOwnerId = String(formData.get('newOwnerId'));
  await db.project.update({ where: { id: projectId }, data: { ownerId: newOwnerId } });
  revalidatePath('/settings/projects');
}

export async function changeMemberRole(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) redirect('/login');
  if (formData.get('viewerRole') !== 'owner') throw new Error('Only owners can change roles'); // expect: authz.missing
  await db.membership.update({
    where: { id: String(formData.get('membershipId')) },
    data: { role: String(formData.get('role')) },
  });
  revalidatePath('/settings/members');
}
