import { NextResponse } from 'next/server';
import { auth } from '@/auth';
import { db } from '@/lib/db';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, { params }: Ctx) { // ok: authz.missing
  const { id } = await params;
  const post = await db.post.findFirst({ where: { id, published: true }, include: { author: { select: { name: true } } } });
  return post ? NextResponse.json(post) : NextResponse.json({ error: 'not found' }, { status: 404 });
}

export async function PATCH(req: Request, { params }: Ctx) {
  const session = await auth();
  if (!session?.user?.id) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  const { id } = await params;
  const post = await db.post.findUnique({ where: { id } });
  if (!post || post.authorId !== session.user.id) return NextResponse.json({ error: 'forbidden' }, { status: 403 }); // ok: authz.missing
  const { title, body } = await req.json();
  return NextResponse.json(await db.post.update({ where: { id }, data: { title, body } }));
}

export async function DELETE(_req: Request, { params }: Ctx) { // expect: authz.missing
  const { id } = await params;
  await db.post.delete({ where: { id } });
  return new NextResponse(null, { status: 204 });
}
