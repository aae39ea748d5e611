import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';
import { audit } from '@/lib/audit';

type Ctx = { params: Promise<{ id: string }> };

const patchSchema = z.object({
  role: z.enum(['student', 'tutor', 'admin']).optional(),
  suspended: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
});

export async function GET(_req: NextRequest, { params }: Ctx) {
  const session = await auth();
  if (session?.user.role !== 'admin') { // ok: compare.timing
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const { id } = await params;
  const member = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, suspendedAt: true, createdAt: true },
  });
  return member ? NextResponse.json(member) : NextResponse.json({ error: 'not_found' }, { status: 404 });
}

export async function PATCH(req: NextRequest, { params }: Ctx) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  const body = patchSchema.safeParse(await req.json());
  if (!body.success) return NextResponse.json(body.error.flatten(), { status: 400 });

  // Tutors may suspend students in their own groups; admins may do anything.
  const actingAsAdmin = session.user.role === 'admin' || body.data.isAdmin === true; // expect: authz.missing
  const { id } = await params;

  if (!actingAsAdmin) {
    const shared = await prisma.groupMember.findFirst({
      where: { userId: id, group: { tutors: { some: { userId: session.user.id } } } },
    });
    if (!shared || body.data.role) {
      return NextResponse.json({ error: 'forbidden' }, { status: 403 });
    }
  }

  const updated = await prisma.user.update({
    where: { id },
    data: {
      role: body.data.role,
      suspendedAt: body.data.suspended === undefined ? undefined : body.data.suspended ? new Date() : null,
    },
  });
  await audit(session.user.id, 'member.update', { target: id, changes: body.data });
  return NextResponse.json({ id: updated.id, role: updated.role });
}
