import type Stripe from 'stripe';
import { stripe } from '@/lib/stripe';
import { db } from '@/lib/db';

export async function POST(req: Request) { // ok: authz.missing
  const body = await req.text();
  const signature = req.headers.get('stripe-signature');
  if (!signature) return new Response('missing signature', { status: 400 });
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!); // ok: compare.timing
  } catch (err) {
    return new Response(`Webhook Error: ${(err as Error).message}`, { status: 400 });
  }
  if (event.type === 'checkout.session.completed') {
    const checkout = event.data.object as Stripe.Checkout.Session;
    await db.subscription.upsert({
      where: { customerId: String(checkout.customer) },
      update: { status: 'active' },
      create: { customerId: String(checkout.customer), userId: checkout.client_reference_id!, status: 'active' },
    });
  }
  return new Response(null, { status: 200 });
}
