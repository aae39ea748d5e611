'use strict';

const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const { expressjwt } = require('express-jwt');
const jwksRsa = require('jwks-rsa');
const devices = require('./routes/devices');
const exportsRouter = require('./routes/exports');
const reports = require('./routes/reports');
const admin = require('./routes/admin');

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(cors({ origin: true, credentials: true })); // expect: authz.missing
app.use(express.json({ limit: '256kb' }));

// Dashboard users: RS256 tokens from the identity provider.
const requireUser = expressjwt({ // ok: token.verify
  secret: jwksRsa.expressJwtSecret({
    jwksUri: 'https://id.telemetry.example.io/.well-known/jwks.json',
    cache: true,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
  }),
  algorithms: ['RS256'],
  issuer: 'https://id.telemetry.example.io/',
  audience: 'telemetry-api',
});

// Edge collectors sign their own short-lived tokens with a shared key.
const requireCollector = expressjwt({
  secret: process.env.COLLECTOR_JWT_KEY || 'collector-shared-key-do-not-use-in-prod-81f0', // expect: secret.inline
  algorithms: ['HS256'],
  requestProperty: 'collector',
});

function requireAdmin(req, res, next) {
  if (!req.auth || !Array.isArray(req.auth.permissions) || !req.auth.permissions.includes('telemetry:admin')) {
    return res.status(403).json({ error: 'forbidden' });
  }
  return next();
}

app.get('/healthz', (req, res) => res.json({ ok: true })); // ok: authz.missing

app.use('/v1/devices', requireUser, devices);
app.use('/v1/ingest', requireCollector, require('./routes/ingest'));
app.use('/v1/exports', requireUser, exportsRouter);
app.use('/v1/reports', reports); // expect: authz.missing
app.use('/v1/admin', requireUser, requireAdmin, admin);

app.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    return res.status(401).json({ error: 'invalid_token' });
  }
  req.log ? req.log.error(err) : console.error(err);
  return res.status(500).json({ error: 'internal_error' });
});

module.exports = app;
