import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from './connection';
import { JobProducer } from './producer';
import { ROLLUP_SOON_WINDOW_MS } from './queues';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('asking for the roll-ups soon (real Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let producer: JobProducer;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, 'rollup-soon-test');
    producer = new JobProducer(redis, prefix);
  });

  afterAll(async () => {
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('queues one chain of roll-ups per window, however often tagging asks, due at the window’s end', async () => {
    const window = Math.floor(Date.now() / ROLLUP_SOON_WINDOW_MS) * ROLLUP_SOON_WINDOW_MS;
    for (const offset of [0, 1_000, 5_000, ROLLUP_SOON_WINDOW_MS - 1])
      await producer.rollUpSoon(window + offset);
    const delayed = await producer.queue('rollup').getDelayed();
    expect(delayed.map((j) => j.name).sort()).toEqual(['RollUpMentions', 'RollUpSentiment', 'RollUpThemes']);
    // Due when the window ends: the first request, at its start, set the delay.
    for (const job of delayed) expect(job.delay).toBe(ROLLUP_SOON_WINDOW_MS);
    // The next window's request is a chain of its own, queued behind this one rather than lost.
    await producer.rollUpSoon(window + ROLLUP_SOON_WINDOW_MS);
    expect(await producer.queue('rollup').getDelayedCount()).toBe(6);
  });

  it('queues the detectors once while they wait', async () => {
    await producer.evaluateAlerts();
    await producer.evaluateAlerts();
    const waiting = await producer.queue('rollup').getWaiting();
    expect(waiting.filter((j) => j.name === 'EvaluateAlerts')).toHaveLength(1);
  });
});
