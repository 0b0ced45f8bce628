import { JobProducer, QUEUES, connectRedis, createBlockingRedis } from '@parley/jobs';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TAG_BACKLOG_JOBS, TagBacklogGate, type GateRelease } from './tag-backlog.gate';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Tag jobs of one conversation each, with distinct contents (a batch's job id is its digest). */
const enqueue = (producer: JobProducer, count: number, offset: number) =>
  Promise.all(
    Array.from({ length: count }, (_, i) =>
      producer.tagConversations([{ id: String(offset + i), contentVersion: 1 }]),
    ),
  );

describe('TagBacklogGate (real Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let producer: JobProducer;
  let gate: TagBacklogGate;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, 'gate-test');
    producer = new JobProducer(redis, prefix);
    gate = new TagBacklogGate(producer);
  });

  afterAll(async () => {
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('never holds ingestion back when no tagger is connected, however long the backlog', async () => {
    await enqueue(producer, TAG_BACKLOG_JOBS * 2, 0);
    await expect(producer.tagBacklog()).resolves.toEqual({ jobs: TAG_BACKLOG_JOBS * 2, consumers: 0 });
    await expect(gate.waitForRoom()).resolves.toEqual({ reason: 'no-tagger', tagJobs: TAG_BACKLOG_JOBS * 2 });
  });

  it('holds storing while a connected tagger is behind, and lets it go once it catches up', async () => {
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const connection = createBlockingRedis(redis);
    const tagger = new Worker(QUEUES.tag, () => stuck, {
      connection,
      prefix,
      concurrency: TAG_BACKLOG_JOBS * 4,
    });
    try {
      await tagger.waitUntilReady();
      // The tagger holds every job it took: the backlog stays at the 16 jobs of the first test.
      await vi.waitFor(async () =>
        expect(await producer.tagBacklog()).toEqual({ jobs: TAG_BACKLOG_JOBS * 2, consumers: 1 }),
      );
      let released: GateRelease | null = null;
      const waiting = gate.waitForRoom().then((release) => (released = release));
      await sleep(500);
      expect(released).toBeNull();
      release();
      // It lets storing go because the backlog fell below the threshold, not because it gave up waiting.
      const { reason, tagJobs } = await waiting;
      expect(reason).toBe('room');
      expect(tagJobs).toBeLessThan(TAG_BACKLOG_JOBS);
    } finally {
      release();
      await tagger.close();
      connection.disconnect();
    }
  });
});
