// Values exposed to the browser bundle.
export const clientEnv = {
  apiBase: process.env.NEXT_PUBLIC_API_BASE_URL ?? '/api',
  stripePublishableKey: process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!, // ok: secret.inline
  posthogKey: process.env.NEXT_PUBLIC_POSTHOG_KEY,
  openaiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, // expect: secret.inline
};
