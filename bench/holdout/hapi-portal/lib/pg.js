'use strict';

const { Pool } = require('pg');

exports.pool = new Pool({
  connectionString: process.env.DATABASE_URL || 'postgres://portal:portal@localhost:5432/portal_dev',
  ssl: process.env.PGSSL === '1' ? { rejectUnauthorized: true } : false,
});
