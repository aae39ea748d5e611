import argon2 from 'argon2';
import { prisma } from './index';

const ADMIN_EMAIL = process.env.SEED_ADMIN_EMAIL ?? 'admin@acme.test';
const ADMIN_PASSWORD = process.env.SEED_ADMIN_PASSWORD ?? 'Adm1n!2024'; // expect: secret.inline

async function main() {
  const hash = await argon2.hash(ADMIN_PASSWORD, { type: argon2.argon2id }); // ok: password.hash
  await prisma.account.upsert({
    where: { email: ADMIN_EMAIL },
    update: {},
    create: { email: ADMIN_EMAIL, passwordDigest: hash, role: 'admin' },
  });
  console.log(`seeded ${ADMIN_EMAIL}`);
}

main().finally(() => prisma.$disconnect());
