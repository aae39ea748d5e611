// Central configuration. Everything is read from the environment (see .env.example);
// defaults exist only for values that are safe to default.
require('dotenv').config();

const env = process.env.NODE_ENV || 'development';

module.exports = {
  env,
  port: Number(process.env.PORT || 3000),
  jwt: {
    accessSecret: process.env.JWT_ACCESS_SECRET, // ok: secret.inline
    refreshSecret: process.env.JWT_REFRESH_SECRET || 'acme-refresh-8f3b2c91d7e4', // expect: secret.inline
    accessTtl: '15m',
    issuer: 'accounts.acme.test',
  },
  mongoUri: process.env.MONGO_URI || 'mongodb://127.0.0.1:27017/accounts', // ok: secret.inline
  redisUrl: 'redis://default:Rq7vT2pLx9wK4m@cache-01.internal.acme.test:6379/0', // expect: secret.inline
  cors: {
    origin: (process.env.CORS_ORIGINS || 'http://localhost:5173').split(','),
    credentials: true,
  },
  passwordMinLength: 10,
};
