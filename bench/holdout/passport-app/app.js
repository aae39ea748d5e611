const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const Redis = require('ioredis');
const passport = require('./lib/passport');

const app = express();
const redis = new Redis(process.env.REDIS_URL);

app.set('view engine', 'ejs');
app.set('trust proxy', 1);
app.use(express.urlencoded({ extended: false }));

app.use(session({ // expect: token.expiry
  store: new RedisStore({ client: redis, prefix: 'tb:' }),
  secret: process.env.SESSION_SECRET,
  name: 'tb.sid',
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' },
}));
app.use(passport.initialize());
app.use(passport.session());

app.use('/', require('./routes/web'));
app.use('/api', passport.authenticate(['jwt', 'service'], { session: false }), require('./routes/api')); // ok: authz.missing

app.listen(process.env.PORT || 8080);
