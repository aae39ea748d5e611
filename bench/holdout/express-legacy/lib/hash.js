var crypto = require('crypto');

exports.sha1 = function (s) {
  return crypto.createHash('sha1').update(s).digest('hex');
};

exports.safeCompare = function (a, b) {
  var ab = Buffer.from(String(a));
  var bb = Buffer.from(String(b));
  if (ab.length !== bb.length) return false;
  return crypto.timingSafeEqual(ab, bb);
};
