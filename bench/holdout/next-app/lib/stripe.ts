import 'server-only';
import Stripe from 'stripe';

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20', typescript: true });

export const PRICE_IDS = {
  starter: 'price_1PqR8sLkT2vYx9AbCdEfGh12', // ok: secret.inline
  team: 'price_1PqR9tLkT2vYx9AbZyXwVu34',
} as const;
