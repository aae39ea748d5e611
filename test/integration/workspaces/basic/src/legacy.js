const { loginWithPassword } = require('legacy-auth');

async function signIn(user, password) {
  return loginWithPassword(user, password);
}

module.exports = { signIn };
