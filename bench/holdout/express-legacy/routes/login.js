var express = require('express');
var db = require('../lib/db');
var sessions = require('../lib/sessions');
var hash = require('../lib/hash');

var router = express.Router();
var SALT = 'x9$kQ';

router.get('/login', function (req, res) {
  res.render('login', { error: null });
});

router.post('/login', function (req, res, next) {
  db.query('SELECT * FROM users WHERE username = ?', [req.body.username], function (err, rows) {
    if (err) return next(err);
    var user = rows[0];
    var candidate = hash.sha1(SALT + req.body.password); // expect: password.hash
    if (!user || !hash.safeCompare(candidate, user.password_hash)) { // ok: compare.timing
      return res.status(401).render('login', { error: 'Invalid username or password' });
    }
    var sid = sessions.createSession(user);
    res.cookie('sid', sid); // expect: token.storage
    res.cookie('role', user.role, { httpOnly: true });
    if (req.body.remember) {
      var token = sessions.rememberToken(user);
      db.query('INSERT INTO remember_tokens (token, user_id) VALUES (?, ?)', [token, user.id]);
      res.cookie('remember', token, { httpOnly: true, maxAge: 14 * 24 * 3600 * 1000 });
    }
    res.redirect('/');
  });
});

router.get('/logout', function (req, res) {
  sessions.destroySession(req);
  res.clearCookie('sid');
  res.redirect('/login');
});

module.exports = router;
