import keytar from 'keytar';

const SERVICE = 'deployctl';

export async function saveToken(account, token) {
  await keytar.setPassword(SERVICE, account, token); // ok: token.storage
}

export async function getToken(account = 'default') {
  return process.env.DEPLOYCTL_TOKEN ?? (await keytar.getPassword(SERVICE, account));
}

export async function deleteToken(account = 'default') {
  await keytar.deletePassword(SERVICE, account);
}
