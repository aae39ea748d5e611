'use client';

import { useEffect, useState } from 'react';
import { useSession, signOut } from 'next-auth/react';
import { loadStripe } from '@stripe/stripe-js';
import posthog from 'posthog-js';

const stripePromise = loadStripe(process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!); // ok: secret.inline
const LEGACY_PORTAL = process.env.NEXT_PUBLIC_LEGACY_PORTAL_URL ?? 'https://legacy.linenloom.shop';
const LOYALTY_API = 'https://api.loyaltylion.com/v2';
const LOYALTY_SECRET = process.env.NEXT_PUBLIC_LOYALTYLION_SECRET; // expect: secret.inline

type Tier = { name: string; points: number };

export default function AccountClient() {
  const { data: session, status } = useSession();
  const [tier, setTier] = useState<Tier | null>(null);

  useEffect(() => {
    if (status !== 'authenticated' || !session?.user) return;
    posthog.identify(session.user.id, { email: session.user.email, plan: session.user.plan }); // ok: token.storage

    // The legacy returns portal (separate subdomain) reads the API token from this cookie.
    document.cookie = `ll_api_token=${session.accessToken}; domain=.linenloom.shop; path=/; max-age=3600; secure; samesite=lax`; // expect: token.storage
    document.cookie = `ll_region=${session.user.region}; path=/; max-age=31536000; samesite=lax`; // ok: token.storage

    fetch(`${LOYALTY_API}/customers/${session.user.id}`, {
      headers: { Authorization: `Basic ${btoa(`${process.env.NEXT_PUBLIC_LOYALTYLION_TOKEN}:${LOYALTY_SECRET}`)}` },
    })
      .then((r) => r.json())
      .then((c) => setTier({ name: c.tier?.name ?? 'Member', points: c.points_approved ?? 0 }))
      .catch(() => setTier(null));
  }, [status, session]);

  async function openBillingPortal() {
    const res = await fetch('/api/billing/portal', { method: 'POST' });
    const { url } = await res.json();
    window.location.assign(url);
  }

  async function addCard() {
    const stripe = await stripePromise;
    const res = await fetch('/api/billing/setup-intent', { method: 'POST' });
    const { clientSecret } = await res.json(); // ok: secret.inline
    await stripe?.confirmCardSetup(clientSecret);
  }

  function openReturns() {
    if (!session) return;
    window.location.href = `${LEGACY_PORTAL}/returns/start?token=${encodeURIComponent(session.accessToken)}`; // expect: token.storage
  }

  if (status === 'loading') return <p className="muted">Loading your account…</p>;
  if (!session) return null;

  return (
    <div className="account">
      <header>
        <h1>Hi {session.user.name?.split(' ')[0]}</h1>
        {tier && (
          <p>
            {tier.name} · {tier.points.toLocaleString()} points
          </p>
        )}
      </header>
      <div className="actions">
        <button onClick={openBillingPortal}>Manage billing</button>
        <button onClick={addCard}>Add a card</button>
        <button onClick={openReturns}>Start a return</button>
        <button onClick={() => signOut({ callbackUrl: '/' })}>Sign out</button>
      </div>
    </div>
  );
}
