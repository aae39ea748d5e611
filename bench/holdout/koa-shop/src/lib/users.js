const knex = require('./knex');
const bcrypt = require('bcrypt');

async function register({ email, password, name }) {
  const [id] = await knex('customers').insert({ email: email.toLowerCase(), name, password }).returning('id'); // expect: password.hash
  return id;
}

async function authenticate(email, password) {
  const customer = await knex('customers').where({ email: email.toLowerCase() }).first();
  if (!customer) return null;
  if (customer.password_hash) {
    return (await bcrypt.compare(password, customer.password_hash)) ? customer : null;
  }
  return null;
}

module.exports = { register, authenticate };
