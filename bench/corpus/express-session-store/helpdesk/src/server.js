'use strict';

const path = require('path');
const express = require('express');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { createClient } = require('redis');
const helmet = require('helmet');
const csrf = require('csurf');
const authRoutes = require('./routes/auth');
const ticketRoutes = require('./routes/tickets');

const app = express();
const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch((err) => {
  console.error('redis connection failed', err.message);
  process.exit(1);
});

app.set('trust proxy', 1);
app.set('views', path.join(__dirname, 'views'));
app.set('view engine', 'pug');
app.use(helmet());
app.use(express.urlencoded({ extended: false }));

app.use(
  session({ // expect: token.expiry
    name: 'helpdesk.sid',
    store: new RedisStore({ client: redisClient, prefix: 'helpdesk:' }),
    secret: process.env.SESSION_SECRET || 'keyboard cat', // expect: secret.inline
    resave: false,
    saveUninitialized: true, // expect: session.handrolled
    cookie: {
      httpOnly: true,
      secure: process.env.NODE_ENV === 'production',
      sameSite: 'lax',
    },
  }),
);
app.use(csrf());
app.use((req, res, next) => {
  res.locals.csrfToken = req.csrfToken();
  res.locals.currentUser = req.session.user || null;
  next();
});

app.use(authRoutes);
app.use('/tickets', ticketRoutes);

app.use((err, req, res, next) => {
  if (err.code === 'EBADCSRFTOKEN') return res.status(403).render('error', { message: 'Form expired, reload the page.' });
  console.error(err);
  res.status(500).render('error', { message: 'Something went wrong.' });
});

app.listen(Number(process.env.PORT) || 3000, () => console.log('helpdesk listening'));
