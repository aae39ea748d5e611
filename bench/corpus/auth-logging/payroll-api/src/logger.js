'use strict';

const pino = require('pino');

module.exports = pino({
  level: process.env.LOG_LEVEL || 'info',
  redact: { // ok: token.storage
    paths: ['req.headers.authorization', 'req.headers.cookie', 'password', 'token', 'otp'],
    censor: '[redacted]',
  },
  base: { service: 'payroll-api' },
});
