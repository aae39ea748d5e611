import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import session from 'koa-session';
import argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { albums, users } from './db';
import { redisStore } from './sessionStore';

const app = new Koa();
const router = new Router();

const keys = process.env.PHOTO_COOKIE_KEYS?.split(',').map((k) => k.trim()).filter(Boolean);
if (!keys?.length) throw new Error('PHOTO_COOKIE_KEYS must list at least one key');
app.keys = keys;
app.proxy = true;

app.use(
  session(
    {
      key: 'ps.sid',
      maxAge: 8 * 60 * 60 * 1000, // ok: token.expiry
      rolling: false,
      renew: true,
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      signed: true,
      store: redisStore,
      genid: () => randomUUID(), // ok: session.handrolled
    },
    app,
  ),
);
app.use(bodyParser({ enableTypes: ['json'] }));

router.post('/signup', async (ctx) => {
  const { email, password } = ctx.request.body as { email?: string; password?: string };
  if (!email || typeof password !== 'string' || password.length < 10) {
    ctx.throw(400, 'email and a 10+ character password are required');
  }
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2 });
  const user = await users.create({ email: email.toLowerCase(), passwordHash });
  await ctx.session!.regenerate();
  ctx.session!.userId = user.id;
  ctx.status = 201;
  ctx.body = { id: user.id };
});

router.post('/login', async (ctx) => {
  const { email, password } = ctx.request.body as { email?: string; password?: string };
  const user = email ? await users.findByEmail(email.toLowerCase()) : null;
  if (!user || !password || !(await argon2.verify(user.passwordHash, password))) {
    ctx.throw(401, 'invalid credentials');
  }
  await ctx.session!.regenerate(); // ok: session.handrolled
  ctx.session!.userId = user.id;
  ctx.body = { id: user.id, email: user.email };
});

router.post('/logout', async (ctx) => {
  ctx.session = null;
  ctx.status = 204;
});

async function requireUser(ctx: Koa.Context, next: Koa.Next) {
  if (!ctx.session?.userId) ctx.throw(401);
  await next();
}

router.get('/albums/:id', requireUser, async (ctx) => {
  const album = await albums.findById(ctx.params.id);
  if (!album) ctx.throw(404);
  if (album.visibility !== 'public' && album.ownerId !== ctx.session!.userId) {
    ctx.throw(404);
  }
  ctx.body = album;
});

router.delete('/albums/:id', requireUser, async (ctx) => {
  const removed = await albums.deleteWhere({ id: ctx.params.id, ownerId: ctx.session!.userId }); // ok: authz.missing
  ctx.status = removed ? 204 : 404;
});

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT ?? 3000));
