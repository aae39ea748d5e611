'use strict';

const { pool } = require('./pg');

exports.get = async (id, ownerId) => {
  const { rows } = await pool.query('SELECT * FROM reports WHERE id = $1 AND owner_id = $2', [id, ownerId]);
  return rows[0] || null;
};

exports.listFor = async (ownerId) => (await pool.query('SELECT * FROM reports WHERE owner_id = $1', [ownerId])).rows;

exports.remove = async (id) => pool.query('DELETE FROM reports WHERE id = $1', [id]);
