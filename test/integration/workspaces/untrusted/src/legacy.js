const jwt = require('jsonwebtoken');
const { loginWithPassword } = require('legacy-auth');

async function signIn(user, password) {
  const session = await loginWithPassword(user, password);
  return { session, claims: jwt.decode(session.token) };
}

module.exports = { signIn };
