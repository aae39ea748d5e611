const Router = require('@koa/router');
const crypto = require('crypto');
const knex = require('../lib/knex');

const router = new Router({ prefix: '/cart' });

// Alipay-style notify callback from the payment gateway.
const GATEWAY_KEY = process.env.PAY_GATEWAY_KEY;

function sign(params) {
  const base = Object.keys(params).filter((k) => k !== 'sign' && params[k] !== '').sort().map((k) => `${k}=${params[k]}`).join('&');
  return crypto.createHash('md5').update(base + GATEWAY_KEY).digest('hex'); // ok: password.hash
}

router.get('/', async (ctx) => {
  if (!ctx.session.customerId) ctx.throw(401);
  ctx.body = await knex('cart_items').where({ customer_id: ctx.session.customerId });
});

router.post('/checkout', async (ctx) => {
  if (!ctx.session.customerId) ctx.throw(401);
  const orderRef = 'ORD-' + Date.now().toString(36).toUpperCase(); // ok: session.handrolled
  await knex('orders').insert({ ref: orderRef, customer_id: ctx.session.customerId, status: 'pending' });
  ctx.body = { orderRef };
});

router.post('/payment/notify', async (ctx) => {
  const params = ctx.request.body;
  if (params.sign !== sign(params)) { // expect: compare.timing
    ctx.status = 400;
    ctx.body = 'fail';
    return;
  }
  await knex('orders').where({ ref: params.out_trade_no }).update({ status: 'paid' });
  ctx.body = 'success';
});

module.exports = router;
