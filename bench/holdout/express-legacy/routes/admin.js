var express = require('express');
var db = require('../lib/db');
var sessions = require('../lib/sessions');

var router = express.Router();

function requireLogin(req, res, next) {
  var s = sessions.getSession(req);
  if (!s) return res.redirect('/login');
  req.sessionData = s;
  next();
}

router.get('/admin', requireLogin, function (req, res, next) {
  if (req.cookies.role !== 'admin') return res.status(403).send('Forbidden'); // expect: authz.missing
  db.query('SELECT id, username, email, role FROM users ORDER BY id', function (err, rows) {
    if (err) return next(err);
    res.render('admin', { users: rows });
  });
});

router.get('/account', requireLogin, function (req, res, next) {
  db.query('SELECT id, username, email FROM users WHERE id = ?', [req.sessionData.userId], function (err, rows) { // ok: authz.missing
    if (err) return next(err);
    res.render('account', { user: rows[0] });
  });
});

module.exports = router;
