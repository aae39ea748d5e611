import { Command } from 'commander';
import fs from 'node:fs/promises';
import path from 'node:path';

const SAMPLE = {
  project: 'my-app',
  region: 'eu-central-1',
  apiKey: '<your-api-key>', // ok: secret.inline
  database: { url: 'postgres://USER:PASSWORD@HOST:5432/DB' }, // ok: secret.inline
  notifications: { slackWebhook: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX' }, // ok: secret.inline
};

export const init = new Command('init')
  .description('Write a deployctl.json template in the current directory')
  .action(async () => {
    const file = path.resolve('deployctl.json');
    await fs.writeFile(file, JSON.stringify(SAMPLE, null, 2) + '\n', { flag: 'wx' });
    console.log(`Created ${file}. Fill in your API key before running deployctl deploy.`);
  });
