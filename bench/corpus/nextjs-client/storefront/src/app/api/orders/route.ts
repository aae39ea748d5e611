import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { prisma } from '@/lib/prisma';

const RefundSchema = z.object({
  orderId: z.string().cuid(),
  amountCents: z.number().int().positive(),
  reason: z.enum(['damaged', 'late', 'wrong_item', 'goodwill']),
});

// Identity comes from middleware, which copies claims from the session cookie into headers.
function caller(req: NextRequest) {
  const uid = req.headers.get('x-storefront-uid');
  const role = req.headers.get('x-storefront-role');
  return uid ? { uid, role } : null;
}

export async function GET(req: NextRequest) {
  const who = caller(req);
  if (!who) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });

  const requested = req.nextUrl.searchParams.get('customerId');
  const isStaff = who.role === 'staff' || who.role === 'admin';
  if (requested && requested !== who.uid && !isStaff) { // ok: authz.missing
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  const orders = await prisma.order.findMany({
    where: { customerId: requested ?? who.uid },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, number: true, status: true, totalCents: true, createdAt: true },
  });
  return NextResponse.json({ orders });
}

export async function POST(req: NextRequest) {
  const who = caller(req);
  if (!who) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  if (who.role !== 'staff' && who.role !== 'admin') {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }

  const parsed = RefundSchema.safeParse(await req.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'invalid_request', issues: parsed.error.issues }, { status: 400 });
  }

  const { orderId, amountCents, reason } = parsed.data;
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  if (amountCents > order.totalCents - order.refundedCents) {
    return NextResponse.json({ error: 'refund_exceeds_balance' }, { status: 422 });
  }

  const refund = await prisma.refund.create({
    data: { orderId, amountCents, reason, issuedBy: who.uid },
  });
  await prisma.order.update({
    where: { id: orderId },
    data: { refundedCents: { increment: amountCents } },
  });
  return NextResponse.json({ refund }, { status: 201 });
}
