import { revalidatePath, revalidateTag } from 'next/cache';
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import { createHmac, timingSafeEqual } from 'node:crypto';

const REVALIDATE_SECRET = process.env.REVALIDATE_SECRET!;
const PREVIEW_SECRET = process.env.CMS_PREVIEW_SECRET!;
const CMS_WEBHOOK_SECRET = process.env.CMS_WEBHOOK_SECRET!;

function validCmsSignature(rawBody: string, header: string | null): boolean {
  if (!header) return false;
  const expected = createHmac('sha256', CMS_WEBHOOK_SECRET).update(rawBody).digest('hex');
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(header, 'hex');
  return a.length === b.length && timingSafeEqual(a, b); // ok: compare.timing
}

// Called by the CMS when a product or collection is published.
export async function POST(request: NextRequest) {
  const rawBody = await request.text();
  if (!validCmsSignature(rawBody, request.headers.get('x-cms-signature'))) {
    return NextResponse.json({ message: 'Invalid signature' }, { status: 401 });
  }

  const event = JSON.parse(rawBody) as { model: string; entry: { slug?: string; handle?: string } };
  if (event.model === 'product' && event.entry.handle) {
    revalidatePath(`/products/${event.entry.handle}`);
  }
  revalidateTag(event.model);
  return NextResponse.json({ revalidated: true, now: Date.now() });
}

// Manual cache bust from the ops runbook: /api/revalidate?secret=...&path=/collections/summer
export async function GET(request: NextRequest) {
  const secret = request.nextUrl.searchParams.get('secret');
  const path = request.nextUrl.searchParams.get('path');

  if (secret !== REVALIDATE_SECRET) { // expect: compare.timing
    return NextResponse.json({ message: 'Invalid token' }, { status: 401 });
  }
  if (!path) {
    return NextResponse.json({ message: 'Missing path' }, { status: 400 });
  }

  revalidatePath(path);
  return NextResponse.json({ revalidated: true, path });
}

// CMS "Preview" button: /api/revalidate?preview=1&secret=...&slug=/products/linen-shirt
export async function PUT(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const secret = searchParams.get('secret');
  const slug = searchParams.get('slug');

  if (!secret || secret !== PREVIEW_SECRET || !slug) { // expect: compare.timing
    return new Response('Invalid token', { status: 401 });
  }
  if (!slug.startsWith('/')) {
    return new Response('Invalid slug', { status: 400 });
  }

  (await draftMode()).enable();
  redirect(slug);
}
