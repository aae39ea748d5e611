const knex = require('knex');

module.exports = knex({
  client: 'mysql2',
  connection: {
    host: process.env.DB_HOST || '127.0.0.1',
    user: process.env.DB_USER || 'shop',
    password: process.env.DB_PASSWORD,
    database: 'shop',
  },
  pool: { min: 0, max: 8 },
});
