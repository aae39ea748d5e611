'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';

const ProductInput = z.object({
  title: z.string().min(2).max(120),
  handle: z.string().regex(/^[a-z0-9-]+$/),
  priceCents: z.number().int().nonnegative(),
  stock: z.number().int().nonnegative(),
  published: z.boolean(),
});

async function requireStaff() {
  const session = await auth();
  if (!session?.user) throw new Error('Not signed in');
  if (session.user.role !== 'staff' && session.user.role !== 'admin') {
    throw new Error('Forbidden');
  }
  return session.user;
}

export async function createProduct(input: z.infer<typeof ProductInput>) {
  const user = await requireStaff();
  const data = ProductInput.parse(input);
  const product = await prisma.product.create({ data: { ...data, createdById: user.id } });
  revalidatePath('/admin/products');
  return { id: product.id };
}

export async function updateStock(productId: string, stock: number) {
  await requireStaff();
  await prisma.product.update({
    where: { id: productId },
    data: { stock: z.number().int().nonnegative().parse(stock) },
  });
  revalidatePath(`/admin/products/${productId}`);
}

// Only rendered for admins on /admin/products/[id] (see page.tsx).
export async function deleteProduct(productId: string) {
  await prisma.orderLine.updateMany({ where: { productId }, data: { productId: null } }); // expect: authz.missing
  await prisma.product.delete({ where: { id: productId } });
  revalidatePath('/admin/products');
}

export async function setStaffRole(userId: string, role: 'customer' | 'staff' | 'admin') {
  const session = await auth();
  if (session?.user?.role !== 'admin') throw new Error('Forbidden'); // ok: authz.missing
  if (userId === session.user.id) throw new Error('You cannot change your own role');
  await prisma.user.update({ where: { id: userId }, data: { role } });
  revalidatePath('/admin/staff');
}
