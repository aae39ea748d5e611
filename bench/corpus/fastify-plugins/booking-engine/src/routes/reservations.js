import { randomInt } from 'node:crypto';

const reservationSchema = {
  body: {
    type: 'object',
    required: ['roomTypeId', 'checkIn', 'checkOut'],
    properties: {
      roomTypeId: { type: 'string' },
      checkIn: { type: 'string', format: 'date' },
      checkOut: { type: 'string', format: 'date' },
      guests: { type: 'integer', minimum: 1, maximum: 8 },
    },
  },
};

function confirmationCode() {
  // Human-readable reference printed on the confirmation email; not a credential.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)]).join(''); // ok: session.handrolled
}

export default async function reservationRoutes(fastify) {
  fastify.addHook('onRequest', fastify.authenticate);

  fastify.get('/reservations', async (request) => {
    return fastify.db.reservation.findMany({ where: { guestId: request.user.sub }, orderBy: { checkIn: 'asc' } });
  });

  fastify.post('/reservations', { schema: reservationSchema }, async (request, reply) => {
    const reservation = await fastify.db.reservation.create({
      data: { ...request.body, guestId: request.user.sub, hotelId: request.user.hotelId, code: confirmationCode() },
    });
    request.log.info({ reservationId: reservation.id, guestId: request.user.sub }, 'reservation created');
    return reply.code(201).send(reservation);
  });

  fastify.delete('/reservations/:id', async (request, reply) => {
    const reservation = await fastify.db.reservation.findUnique({ where: { id: request.params.id } });
    if (!reservation || reservation.guestId !== request.user.sub) {
      return reply.code(404).send({ error: 'not_found' });
    }
    await fastify.db.reservation.update({ where: { id: reservation.id }, data: { status: 'cancelled' } }); // ok: authz.missing
    return reply.code(204).send();
  });
}
