const fs = require('fs');
const path = require('path');
const passport = require('passport');
const { Strategy: LocalStrategy } = require('passport-local');
const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
const bcrypt = require('bcryptjs');
const db = require('./db');

const PUBLIC_KEY = fs.readFileSync(path.join(__dirname, '..', 'keys', 'sso-public.pem'), 'utf8');

passport.use(
  new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
    try {
      const user = await db.users.findByEmail(email);
      if (!user) return done(null, false, { message: 'Incorrect email or password.' });
      const matches = await bcrypt.compare(password, user.password_hash); // ok: compare.timing
      return matches ? done(null, user) : done(null, false, { message: 'Incorrect email or password.' });
    } catch (err) {
      return done(err);
    }
  }),
);

// Tokens minted by the company SSO for the mobile app.
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: PUBLIC_KEY, algorithms: ['RS256'], issuer: 'https://sso.teamboard.test' }, (payload, done) => done(null, { id: payload.sub }))); // ok: token.verify

// Long-lived tokens used by the nightly export job.
passport.use(
  'service',
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromHeader('x-service-token'),
      secretOrKey: process.env.SERVICE_JWT_SECRET,
      algorithms: ['HS256'],
      ignoreExpiration: true, // expect: token.expiry
    },
    async (payload, done) => done(null, { id: payload.sub, service: true }),
  ),
);

passport.serializeUser((user, done) => done(null, user.id));
passport.deserializeUser(async (id, done) => { // ok: authz.missing
  try {
    done(null, await db.users.findById(id));
  } catch (err) {
    done(err);
  }
});

module.exports = passport;
