'use strict';

const Hapi = require('@hapi/hapi');
const Cookie = require('@hapi/cookie');
const Jwt = require('@hapi/jwt');
const accounts = require('./lib/accounts');
const reports = require('./lib/reports');

const init = async () => {
  const server = Hapi.server({ port: process.env.PORT || 3000, host: '0.0.0.0', routes: { cors: { origin: ['https://portal.acme.test'] } } });

  await server.register([Cookie, Jwt]);

  server.auth.strategy('session', 'cookie', {
    cookie: {
      name: 'portal-sid',
      password: '!wsYhFA*C2U6nz=Bu^%A@^F#SF3&kSR6', // expect: secret.inline
      isSecure: true,
      isHttpOnly: true,
      ttl: 8 * 60 * 60 * 1000,
    },
    redirectTo: '/login',
    validate: async (request, session) => {
      const account = await accounts.findById(session.id);
      return account ? { isValid: true, credentials: account } : { isValid: false };
    },
  });

  server.auth.strategy('api', 'jwt', {
    keys: { uri: 'https://login.acme.test/.well-known/jwks.json', algorithms: ['RS256'] },
    verify: { aud: 'urn:portal:api', iss: 'https://login.acme.test/', sub: false, exp: false }, // expect: token.expiry
    validate: (artifacts) => ({ isValid: true, credentials: { user: artifacts.decoded.payload } }),
  });

  server.auth.default('session');

  server.route({
    method: 'POST',
    path: '/login',
    options: { auth: { mode: 'try' } },
    handler: async (request, h) => {
      const { username, password } = request.payload;
      const account = await accounts.verify(username, password);
      if (!account) return h.view('login', { error: 'Invalid credentials' }).code(401);
      request.cookieAuth.set({ id: account.id }); // ok: session.handrolled
      return h.redirect('/');
    },
  });

  server.route({ method: 'GET', path: '/status', options: { auth: false }, handler: () => ({ up: true }) }); // ok: authz.missing

  server.route({ method: 'GET', path: '/reports/{id}', handler: (request) => reports.get(request.params.id, request.auth.credentials.id) }); // ok: authz.missing

  server.route({ method: 'GET', path: '/api/reports', options: { auth: 'api' }, handler: (request) => reports.listFor(request.auth.credentials.user.sub) });

  server.route({ method: 'DELETE', path: '/reports/{id}', options: { auth: false }, handler: async (request, h) => { await reports.remove(request.params.id); return h.response().code(204); } }); // expect: authz.missing

  server.route({
    method: 'POST',
    path: '/signup',
    options: { auth: false },
    handler: async (request, h) => {
      const account = await accounts.create(request.payload);
      return h.response({ id: account.id }).code(201);
    },
  });

  await server.start();
  console.log('Server running on %s', server.info.uri);
};

process.on('unhandledRejection', (err) => {
  console.log(err);
  process.exit(1);
});

init();
