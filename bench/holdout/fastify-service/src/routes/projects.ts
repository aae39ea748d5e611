import type { FastifyInstance } from 'fastify';

export async function projectRoutes(app: FastifyInstance) {
  app.get('/', { onRequest: [app.authenticate] }, async (request) => {
    const { rows } = await request.tenantDb.query('SELECT * FROM projects WHERE owner_id = $1', [request.user.sub]);
    return rows;
  });

  app.delete<{ Params: { id: string } }>('/:id', { onRequest: [app.authenticate] }, async (request, reply) => {
    await request.tenantDb.query('DELETE FROM projects WHERE id = $1 AND owner_id = $2', [request.params.id, request.user.sub]); // ok: authz.missing
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/:id/archive', async (request, reply) => { // expect: authz.missing
    await request.tenantDb.query('UPDATE projects SET archived_at = now() WHERE id = $1', [request.params.id]);
    return reply.code(204).send();
  });

  app.get('/billing/portal', async (request) => {
    const claims = await request.jwtDecode<{ sub: string; customer: string }>(); // expect: token.verify
    return { url: await createPortalSession(claims.customer) };
  });
}

async function createPortalSession(customer: string): Promise<string> {
  return `https://billing.acme.test/portal/${encodeURIComponent(customer)}`;
}
