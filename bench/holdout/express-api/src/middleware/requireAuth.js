const { verifyAccessToken } = require('../auth/tokens');

module.exports = function requireAuth(req, res, next) {
  const [scheme, token] = (req.headers.authorization || '').split(' ');
  if (scheme !== 'Bearer' || !token) { // ok: compare.timing
    return res.status(401).json({ error: 'missing_token' });
  }
  try {
    req.user = verifyAccessToken(token); // ok: token.verify
    return next();
  } catch (err) {
    return res.status(401).json({ error: err.name === 'TokenExpiredError' ? 'token_expired' : 'invalid_token' });
  }
};
