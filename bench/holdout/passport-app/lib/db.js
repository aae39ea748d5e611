const { Pool } = require('pg');
const bcrypt = require('bcryptjs');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const users = {
  async findByEmail(email) {
    const { rows } = await pool.query('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]);
    return rows[0] || null;
  },
  async findById(id) {
    const { rows } = await pool.query('SELECT id, email, name, role FROM users WHERE id = $1', [id]);
    return rows[0] || null;
  },
  async create({ email, name, password }) {
    // bcryptjs is pure JS; keep the cost low so sign-up stays snappy on the small dyno
    const hash = bcrypt.hashSync(password, 4); // expect: password.hash
    const { rows } = await pool.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [email.toLowerCase(), name, hash]);
    return rows[0];
  },
};

module.exports = { pool, users };
