import { Command } from 'commander';
import { input, password as promptPassword, confirm } from '@inquirer/prompts';
import open from 'open';
import ora from 'ora';
import chalk from 'chalk';
import { mkdir, writeFile, readFile, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

const API = process.env.DEPLOYCTL_API ?? 'https://api.shipyard.dev';
const CONFIG_DIR = join(homedir(), '.config', 'deployctl');
const CONFIG_FILE = join(CONFIG_DIR, 'config.json');

interface StoredConfig {
  apiUrl: string;
  token?: string;
  account?: { email: string; team: string };
  registry?: { username: string; password: string };
}

async function readConfig(): Promise<StoredConfig> {
  try {
    return JSON.parse(await readFile(CONFIG_FILE, 'utf8')) as StoredConfig;
  } catch {
    return { apiUrl: API };
  }
}

async function writeConfig(cfg: StoredConfig) {
  await mkdir(CONFIG_DIR, { recursive: true, mode: 0o700 });
  await writeFile(CONFIG_FILE, JSON.stringify(cfg, null, 2), { mode: 0o600 }); // ok: token.storage
  await chmod(CONFIG_FILE, 0o600);
}

async function deviceLogin(): Promise<{ token: string; email: string; team: string }> {
  const start = await fetch(`${API}/oauth/device/code`, { method: 'POST', body: new URLSearchParams({ client_id: 'deployctl' }) });
  const { device_code, user_code, verification_uri_complete, interval } = await start.json();
  console.log(`\nOpen ${chalk.cyan(verification_uri_complete)} and confirm the code ${chalk.bold(user_code)}\n`);
  await open(verification_uri_complete).catch(() => undefined);

  const spinner = ora('Waiting for approval in the browser…').start();
  for (;;) {
    await new Promise((r) => setTimeout(r, (interval ?? 5) * 1000));
    const res = await fetch(`${API}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code, client_id: 'deployctl' }),
    });
    const body = await res.json();
    if (body.error === 'authorization_pending') continue;
    if (body.error === 'slow_down') continue;
    spinner.stop();
    if (body.error) throw new Error(`Login failed: ${body.error_description ?? body.error}`);
    return { token: body.access_token, email: body.account.email, team: body.account.team };
  }
}

export const loginCommand = new Command('login')
  .description('Authenticate deployctl with your Shipyard account')
  .option('--token <token>', 'use an existing personal access token (CI)')
  .action(async (opts: { token?: string }) => {
    const cfg = await readConfig();
    const { token, email, team } = opts.token
      ? { token: opts.token, email: 'ci', team: process.env.SHIPYARD_TEAM ?? 'default' }
      : await deviceLogin();

    cfg.token = token;
    cfg.account = { email, team };
    await writeConfig(cfg);
    console.log(chalk.green(`✔ Logged in as ${email} (${team})`));
    if (process.env.DEPLOYCTL_DEBUG) console.error(`[debug] token=${token}`); // expect: token.storage

    if (await confirm({ message: 'Also configure the container registry (registry.shipyard.dev)?', default: true })) {
      const username = await input({ message: 'Registry username:', default: email });
      const registryPassword = await promptPassword({ message: 'Registry password:', mask: '*' });
      cfg.registry = { username, password: registryPassword }; // expect: password.hash
      await writeConfig(cfg);
      console.log(chalk.green('✔ Registry credentials saved'));
    }
  });

export const logoutCommand = new Command('logout').description('Forget stored credentials').action(async () => {
  const cfg = await readConfig();
  delete cfg.token;
  delete cfg.registry;
  await writeConfig(cfg);
  console.log('Logged out.');
});
