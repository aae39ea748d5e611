import { Router } from 'express';
import { z } from 'zod';
import { prisma } from '../db';
import { authenticate, requireRole } from '../middleware/authenticate';

const invoiceInput = z.object({
  customerId: z.string().uuid(),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  lines: z.array(z.object({ description: z.string().max(200), amountCents: z.number().int().positive() })).min(1),
});

export const invoicesRouter = Router();
invoicesRouter.use(authenticate);

invoicesRouter.get('/', async (req, res) => {
  const invoices = await prisma.invoice.findMany({
    where: { orgId: req.claims!.org },
    orderBy: { issuedAt: 'desc' },
    take: 100,
  });
  res.json(invoices);
});

invoicesRouter.post('/', requireRole('owner', 'accountant'), async (req, res) => {
  const parsed = invoiceInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const invoice = await prisma.invoice.create({
    data: { ...parsed.data, orgId: req.claims!.org, createdBy: req.claims!.sub, status: 'draft' },
  });
  res.status(201).json(invoice);
});

invoicesRouter.patch('/:id', requireRole('owner', 'accountant'), async (req, res) => {
  const existing = await prisma.invoice.findFirst({ where: { id: req.params.id, orgId: req.claims!.org } }); // ok: authz.missing
  if (!existing) return res.status(404).end();
  if (existing.status === 'paid') {
    return res.status(409).json({ error: 'invoice_already_paid' });
  }
  const parsed = invoiceInput.partial().safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const updated = await prisma.invoice.update({ where: { id: existing.id }, data: parsed.data });
  res.json(updated);
});

invoicesRouter.delete('/:id', requireRole('owner', 'accountant'), async (req, res) => {
  await prisma.invoice.delete({ where: { id: req.params.id } }); // expect: authz.missing
  res.status(204).end();
});

// Support tooling: lets the ops team look up any org's ledger.
export const supportRouter = Router();

supportRouter.get('/orgs/:orgId/invoices', async (req, res) => { // expect: authz.missing
  const invoices = await prisma.invoice.findMany({ where: { orgId: req.params.orgId } });
  res.json(invoices);
});

supportRouter.post('/orgs/:orgId/invoices/:id/void', authenticate, requireRole('owner'), async (req, res) => {
  const invoice = await prisma.invoice.findFirst({ where: { id: req.params.id, orgId: req.params.orgId } });
  if (!invoice || invoice.orgId !== req.claims!.org) return res.status(404).end();
  await prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'void' } });
  res.status(204).end();
});
