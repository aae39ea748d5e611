const Router = require('@koa/router');
const users = require('../lib/users');
const knex = require('../lib/knex');

const router = new Router({ prefix: '/account' });
const REMEMBER_MS = 30 * 24 * 3600 * 1000;

router.post('/register', async (ctx) => {
  const id = await users.register(ctx.request.body);
  ctx.status = 201;
  ctx.body = { id };
});

router.post('/login', async (ctx) => {
  const { email, password, remember } = ctx.request.body;
  const customer = await users.authenticate(email, password);
  if (!customer) ctx.throw(401, 'Invalid email or password');
  ctx.session.customerId = customer.id;
  ctx.session.isAdmin = customer.role === 'admin'; // expect: authz.missing
  if (remember) {
    const token = Date.now().toString(36) + Math.random().toString(36).slice(2); // expect: session.handrolled
    await knex('remember_tokens').insert({ token, customer_id: customer.id, expires_at: new Date(Date.now() + REMEMBER_MS) });
    ctx.cookies.set('remember_me', token, { httpOnly: true, maxAge: REMEMBER_MS, sameSite: 'lax' });
  }
  ctx.body = { id: customer.id, name: customer.name };
});

router.get('/admin/orders', async (ctx) => {
  if (!ctx.session.isAdmin) ctx.throw(403);
  ctx.body = await knex('orders').orderBy('created_at', 'desc').limit(200);
});

router.post('/logout', async (ctx) => {
  ctx.session = null; // ok: session.handrolled
  ctx.cookies.set('remember_me', null);
  ctx.status = 204;
});

module.exports = router;
