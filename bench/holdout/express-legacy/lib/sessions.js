var crypto = require('crypto');

var sessions = {};

function createSession(user) {
  var sid = Math.random().toString(36).substring(2) + Date.now().toString(36); // expect: session.handrolled
  sessions[sid] = { userId: user.id, username: user.username, created: Date.now() };
  return sid;
}

function getSession(req) {
  var sid = req.cookies && req.cookies.sid;
  return sid ? sessions[sid] || null : null;
}

function destroySession(req) {
  var sid = req.cookies && req.cookies.sid;
  if (sid) delete sessions[sid]; // ok: session.handrolled
}

function rememberToken(user) {
  return crypto.createHash('md5').update(user.id + ':' + Date.now()).digest('hex'); // expect: session.handrolled
}

module.exports = { createSession: createSession, getSession: getSession, destroySession: destroySession, rememberToken: rememberToken };
