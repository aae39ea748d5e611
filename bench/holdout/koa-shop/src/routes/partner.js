const Router = require('@koa/router');
const fs = require('fs');
const jwt = require('jsonwebtoken');
const knex = require('../lib/knex');

const router = new Router({ prefix: '/partner' });
const PARTNER_KEY = fs.readFileSync(process.env.PARTNER_PUBLIC_KEY_PATH || '/etc/shop/partner.pub');

async function partnerAuth(ctx, next) {
  const token = (ctx.get('authorization') || '').replace(/^Bearer /, '');
  try {
    ctx.state.partner = jwt.verify(token, PARTNER_KEY, { algorithms: ['RS256', 'HS256'] }); // expect: token.verify
  } catch {
    ctx.throw(401);
  }
  await next();
}

router.get('/catalog', async (ctx) => { // ok: authz.missing
  ctx.body = await knex('products').where({ published: true }).select('sku', 'title', 'price_cents');
});

router.post('/stock', partnerAuth, async (ctx) => { // ok: authz.missing
  const { sku, quantity } = ctx.request.body;
  await knex('products').where({ sku, partner_id: ctx.state.partner.sub }).update({ stock: quantity });
  ctx.status = 204;
});

module.exports = router;
