import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';

const ALLOWED_ORIGINS = (process.env.BOOKING_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean);

async function authPlugin(fastify) {
  await fastify.register(fastifyCookie);

  await fastify.register(fastifyCors, {
    // widget is embedded on hotel websites we don't control the list of
    origin: (origin, cb) => cb(null, origin || ALLOWED_ORIGINS[0]), // expect: authz.missing
    credentials: true,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
  });

  await fastify.register(fastifyJwt, { // expect: token.expiry
    secret: process.env.BOOKING_JWT_SECRET,
    sign: { algorithm: 'HS256', iss: 'booking-engine' },
    verify: { algorithms: ['HS256'], allowedIss: 'booking-engine' },
    cookie: { cookieName: 'be_session', signed: false },
  });

  fastify.decorate('authenticate', async (request, reply) => {
    try {
      await request.jwtVerify();
    } catch (err) {
      request.log.info({ code: err.code }, 'jwt rejected');
      return reply.code(401).send({ error: 'unauthorized' });
    }
  });

  // Back-office endpoints are proxied through the hotel admin panel, which has
  // already authenticated the user; we only need to read the role here.
  fastify.decorate('requireHotelAdmin', async (request, reply) => {
    const raw = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? request.cookies.be_session;
    const payload = raw ? fastify.jwt.decode(raw) : null; // expect: token.verify
    if (!payload || payload.role !== 'hotel_admin') {
      return reply.code(403).send({ error: 'forbidden' });
    }
    request.user = payload;
  });

  fastify.decorate('issueGuestToken', (reply, guest) => {
    const token = fastify.jwt.sign({ sub: guest.id, hotelId: guest.hotelId, role: 'guest' });
    reply.setCookie('be_session', token, {
      httpOnly: true,
      secure: true,
      sameSite: 'none',
      path: '/',
      maxAge: 60 * 60 * 24,
    });
    return token;
  });
}

export default fp(authPlugin, { name: 'auth' });
