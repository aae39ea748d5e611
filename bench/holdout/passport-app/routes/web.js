const express = require('express');
const passport = require('passport');
const db = require('../lib/db');

const router = express.Router();

function ensureLoggedIn(req, res, next) {
  if (req.isAuthenticated()) return next();
  req.session.returnTo = req.originalUrl;
  return res.redirect('/login');
}

router.get('/login', (req, res) => res.render('login'));
router.post('/login', passport.authenticate('local', { failureRedirect: '/login', failureMessage: true, keepSessionInfo: true }), (req, res) => { // ok: session.handrolled
  res.redirect(req.session.returnTo || '/');
});

router.post('/signup', async (req, res, next) => {
  try {
    const user = await db.users.create(req.body);
    req.login(user, (err) => (err ? next(err) : res.redirect('/'))); // ok: session.handrolled
  } catch (err) {
    next(err);
  }
});

router.post('/logout', (req, res, next) => {
  req.logout((err) => (err ? next(err) : res.redirect('/')));
});

router.get('/', ensureLoggedIn, async (req, res) => { // ok: authz.missing
  res.render('board', { user: req.user });
});

router.get('/boards/:id/export.csv', ensureLoggedIn, async (req, res) => {
  const { rows } = await db.pool.query('SELECT * FROM cards WHERE board_id = $1', [req.params.id]); // expect: authz.missing
  res.type('text/csv').send(rows.map((r) => [r.id, r.title, r.status].join(',')).join('\n'));
});

module.exports = router;
