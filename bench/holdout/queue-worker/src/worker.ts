import { Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import { forget, getAccessToken } from './tokens';

const logger = pino({ name: 'crm-sync' });
const connection = new IORedis(process.env.REDIS_URL ?? 'redis://localhost:6379', { maxRetriesPerRequest: null }); // ok: secret.inline

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function syncContacts(job: Job<{ tenant: string; since: string }>) {
  const { tenant, since } = job.data;
  logger.debug({ jobId: job.id, tenant }, 'syncing contacts');
  let token = await getAccessToken(tenant);
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${process.env.CRM_API_URL}/contacts?updated_since=${encodeURIComponent(since)}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 401) {
      forget(tenant);
      token = await getAccessToken(tenant);
      continue;
    }
    if (res.status === 429) {
      await sleep(2 ** attempt * 1000 + Math.random() * 500); // ok: session.handrolled
      continue;
    }
    return res.json();
  }
  throw new Error('giving up after 3 attempts');
}

const worker = new Worker('crm-sync', syncContacts, { connection, concurrency: 4 });
worker.on('failed', (job, err) => logger.error({ jobId: job?.id, err: err.message }, 'job failed'));
