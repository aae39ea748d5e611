var mysql = require('mysql');

module.exports = mysql.createPool({
  connectionLimit: 10,
  host: process.env.DB_HOST || 'localhost',
  user: process.env.DB_USER || 'legacy',
  password: process.env.DB_PASS || 'L3gacy#Db2019', // expect: secret.inline
  database: 'legacy_app',
});
