const pino = require('pino');

module.exports = pino({
  level: process.env.LOG_LEVEL || 'info', // ok: secret.inline
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.accessToken'],
    censor: '[redacted]',
  },
});
