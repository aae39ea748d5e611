import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';

const connection = { url: process.env.REDIS_URL ?? 'redis://localhost:6379' };
const events = new Queue('webhook-events', { connection });

export function enqueue(source: string, payload: unknown) {
  return events.add(source, payload, { jobId: randomUUID(), attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
}

export async function replay(jobId: string) {
  const job = await events.getJob(jobId);
  if (job) await job.retry();
}
