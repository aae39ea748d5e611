const Koa = require('koa');
const session = require('koa-session');
const bodyParser = require('koa-bodyparser');
const helmet = require('koa-helmet');
const cart = require('./routes/cart');
const account = require('./routes/account');
const partner = require('./routes/partner');

const app = new Koa();
app.proxy = true;
app.keys = ['im a newer secret', 'i like turtle']; // expect: secret.inline

const SESSION_CONFIG = {
  key: 'shop.sess',
  maxAge: 86400000,
  autoCommit: true,
  httpOnly: true,
  signed: false, // expect: session.handrolled
  rolling: true,
  secure: process.env.NODE_ENV === 'production',
  sameSite: 'lax',
};

app.use(helmet());
app.use(session(SESSION_CONFIG, app));
app.use(bodyParser());
app.use(account.routes()).use(account.allowedMethods());
app.use(cart.routes()).use(cart.allowedMethods());
app.use(partner.routes());

app.listen(process.env.PORT || 4000);
