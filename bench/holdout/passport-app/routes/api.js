const express = require('express');
const db = require('../lib/db');

const router = express.Router();

router.get('/boards', async (req, res) => {
  const { rows } = await db.pool.query('SELECT b.* FROM boards b JOIN board_members m ON m.board_id = b.id WHERE m.user_id = $1', [req.user.id]);
  res.json(rows);
});

module.exports = router;
