import { z } from 'zod';

/**
 * Central config. Values come from the environment (Kubernetes secrets in
 * staging/prod, `.env` locally). Defaults exist only for local development.
 */
const isProd = process.env.NODE_ENV === 'production';

const schema = z.object({
  port: z.coerce.number().default(8080),
  databaseUrl: z.string().url(),
  redisUrl: z.string().url(),
  oidc: z.object({
    issuer: z.string().url(),
    clientId: z.string(),
    clientSecret: z.string().min(1),
    audience: z.string(),
  }),
  carrierApiKey: z.string().min(1),
  sendgridApiKey: z.string(),
  labelSigningKeyPem: z.string(),
  sessionSecret: z.string().min(32),
});

const raw = {
  port: process.env.PORT,
  databaseUrl:
    process.env.DATABASE_URL ?? 'postgresql://warehouse_app:Wh4reh0use!2024@pg-primary.internal:5432/warehouse', // expect: secret.inline
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379/0', // ok: secret.inline
  oidc: {
    issuer: process.env.OIDC_ISSUER ?? 'https://warehouse.eu.auth0.com/', // ok: secret.inline
    clientId: process.env.OIDC_CLIENT_ID ?? 'Qm7pX2cV9kL4tR8wN1bZ6yH3', // ok: secret.inline
    clientSecret: process.env.OIDC_CLIENT_SECRET ?? (isProd ? '' : '<your-auth0-client-secret>'), // ok: secret.inline
    audience: 'https://api.warehouse.example.com',
  },
  carrierApiKey: process.env.CARRIER_API_KEY || '3d5cd98279edfc8eb332fe128e4f666c87c359c3', // expect: secret.inline
  sendgridApiKey: process.env.SENDGRID_API_KEY ?? 'changeme', // ok: secret.inline
  labelSigningKeyPem: process.env.LABEL_SIGNING_KEY ?? localLabelKey(),
  sessionSecret: process.env.SESSION_SECRET,
};

// Local label printing in docker-compose; real key lives in the secrets manager.
function localLabelKey() {
  return [
    '-----BEGIN PRIVATE KEY-----', // expect: secret.inline
    'MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDCu4QS+6K4fNQCdosVT',
    'KW5uW+jEooFeF0Wb/lZa4zFkW2ZkeJV6fCcyonZ1kcMKCJ+hZANiAATMagfDc24U',
    'pgXMmpW7md5nRPb2LGTGtO0tXm/jCYY94pOMCuzN2A6pd9tOqPuacdxcd2uAVrlJ',
    '6Iy4CnWQIcP3TR3ccn4R29nIbvX/i8scq4aVYwjcQEqbYw+nWGJQfDk=',
    '-----END PRIVATE KEY-----',
  ].join('\n');
}

const parsed = schema.safeParse(raw);
if (!parsed.success) {
  // Print which keys are missing, never their values.
  console.error('Invalid configuration:', Object.keys(parsed.error.flatten().fieldErrors).join(', ')); // ok: token.storage
  process.exit(1);
}

export const config = parsed.data;
export type Config = typeof config;
