import { DomainError } from '@parley/domain';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from './connection';
import { JobProducer } from './producer';
import { startQueueWorker, type QueueWorker } from './worker';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Kept when finished, so a test can read how each job ended.
const QUICK_RETRY = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 10 },
  removeOnComplete: false,
  removeOnFail: false,
};

describe('startQueueWorker (real Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  const config = { queuePrefix: prefix, workerConcurrency: 1, jobLockMs: 3_000 };
  const tagged: number[] = [];
  let redis: Redis;
  let producer: JobProducer;
  let worker: QueueWorker;

  /** Backfill jobs fail as their `reason` says, so each test picks the error a handler throws. */
  const backfill = async (job: Job<{ since: string; reason: string }>): Promise<string> => {
    if (job.data.reason === 'invalid') throw new DomainError('invalid', 'that rule no longer exists');
    if (job.data.reason === 'busy') throw new DomainError('fetch_failed', 'the host is busy; will retry');
    if (job.data.reason === 'crash') throw new Error('connection reset');
    return `from ${job.data.since}`;
  };

  const settled = async (id: string): Promise<Job> => {
    const queue = producer.queue('tag');
    // The state first, then the job: a job read before its state changed would show the attempts before it.
    while (!['completed', 'failed'].includes(await queue.getJobState(id))) await sleep(50);
    return (await queue.getJob(id)) as Job;
  };
  const add = async (name: string, data: object, opts: object = QUICK_RETRY): Promise<string> =>
    (await producer.queue('tag').add(name, data, opts)).id as string;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, 'queue-worker-test');
    producer = new JobProducer(redis, prefix);
    worker = startQueueWorker(
      'tag',
      {
        TagPending: async (job) => tagged.push(job.data.slot),
        BackfillTags: backfill,
      },
      { redis, config },
    );
  });

  afterAll(async () => {
    await worker.close();
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives each job to the handler for its name, with its payload, and keeps what it returns', async () => {
    const tag = await add('TagPending', { slot: 2 });
    const fill = await add('BackfillTags', { since: '2026-11-01', reason: 'rule changed' });
    expect((await settled(tag)).returnvalue).toBe(1);
    expect(tagged).toEqual([2]);
    const finished = await settled(fill);
    expect(await finished.getState()).toBe('completed');
    expect(finished.returnvalue).toBe('from 2026-11-01');
  });

  it('fails a job at once when its DomainError cannot be fixed by retrying', async () => {
    const job = await settled(await add('BackfillTags', { since: '2026-11-01', reason: 'invalid' }));
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('that rule no longer exists');
  });

  it.each([
    ['a DomainError worth retrying', 'busy', 'the host is busy; will retry'],
    ['any other error', 'crash', 'connection reset'],
  ])('retries %s as the job options say', async (_, reason, message) => {
    const job = await settled(await add('BackfillTags', { since: '2026-11-01', reason }));
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(3);
    expect(job.failedReason).toBe(message);
  });

  it('fails a job with no handler at once, saying which', async () => {
    const job = await settled(await add('FetchSource', { sourceId: '1' }));
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('no handler for job "FetchSource" on the tag queue');
  });

  it('stops taking jobs once closed, and closes its own connection', async () => {
    const named = async () =>
      ((await redis.client('LIST')) as string)
        .split('\n')
        .filter((client) => client.includes(' name=queue-worker-test ')).length;
    expect(await named()).toBeGreaterThan(1);
    await worker.close();
    const id = await add('TagPending', { slot: 3 });
    await sleep(300);
    expect(await producer.queue('tag').getJobState(id)).toBe('waiting');
    // Only the test's own connection (which the producer shares) is left.
    expect(await named()).toBe(1);
  });
});
