// Used on pages that render differently for signed-in users (pricing, docs).
const jwt = require('jsonwebtoken');
const logger = require('../logger');

module.exports = function optionalAuth(req, _res, next) {
  const token = req.cookies && req.cookies.at;
  if (!token) return next();
  try {
    jwt.verify(token, process.env.JWT_ACCESS_SECRET, { algorithms: ['HS256'] });
  } catch (err) {
    logger.debug({ reason: err.message }, 'stale access cookie');
  }
  req.user = jwt.decode(token); // expect: token.verify
  return next();
};
