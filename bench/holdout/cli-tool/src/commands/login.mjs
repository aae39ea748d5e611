import { Command } from 'commander';
import open from 'open';
import ora from 'ora';
import { saveToken } from '../lib/credentials.mjs';

const DEVICE_URL = 'https://api.deployctl.test/oauth/device';

async function deviceFlow() {
  const start = await (await fetch(`${DEVICE_URL}/code`, { method: 'POST', body: new URLSearchParams({ client_id: 'deployctl-cli' }) })).json();
  console.log(`Open ${start.verification_uri} and enter code ${start.user_code}`); // ok: token.storage
  await open(start.verification_uri_complete ?? start.verification_uri);
  const spinner = ora('Waiting for approval').start();
  for (;;) {
    await new Promise((r) => setTimeout(r, (start.interval ?? 5) * 1000));
    const poll = await fetch(`${DEVICE_URL}/token`, { method: 'POST', body: new URLSearchParams({ client_id: 'deployctl-cli', device_code: start.device_code, grant_type: 'urn:ietf:params:oauth:grant-type:device_code' }) });
    const body = await poll.json();
    if (body.error === 'authorization_pending') continue; // ok: compare.timing
    spinner.stop();
    if (body.error) throw new Error(body.error_description ?? body.error);
    return body.access_token;
  }
}

export const login = new Command('login')
  .description('Authenticate deployctl with your account')
  .option('--token <token>', 'use an existing personal access token')
  .option('--account <name>', 'credential slot', 'default')
  .action(async (opts) => {
    const token = opts.token ?? (await deviceFlow());
    await saveToken(opts.account, token);
    console.log('✔ Logged in');
  });
