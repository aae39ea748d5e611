import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient({
  datasources: { db: { url: 'postgresql://app_user:Xk29!mPq7Lr@db.prod-7f3a.rds.amazonaws.test:5432/app?sslmode=require' } }, // expect: secret.inline
});
