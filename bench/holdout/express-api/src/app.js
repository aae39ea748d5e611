const express = require('express');
const helmet = require('helmet');
const cors = require('cors');
const cookieParser = require('cookie-parser');
const pinoHttp = require('pino-http');
const config = require('./config');
const logger = require('./logger');
const mongoose = require('mongoose');

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(cors(config.cors));
app.use(express.json({ limit: '100kb' }));
app.use(cookieParser());
app.use(pinoHttp({ logger }));

app.get('/healthz', (_req, res) => res.json({ status: 'ok', uptime: process.uptime() })); // ok: authz.missing
app.use('/auth', require('./routes/auth'));
app.use('/users', require('./routes/users'));

app.use((err, _req, res, _next) => {
  logger.error({ err }, 'unhandled error');
  res.status(500).json({ error: 'internal_error' });
});

mongoose.connect(config.mongoUri).then(() => {
  app.listen(config.port, () => logger.info(`listening on :${config.port}`));
});

module.exports = app;
