import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from './connection';
import { RedisLease } from './lease';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Long enough that a busy machine's event loop never misses a renewal by a whole lease.
const TTL_MS = 1_000;

describe('RedisLease (real Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  let n = 0;
  /** A fresh key per test, so one test's leftovers never hold the next one's lease. */
  const key = () => `${prefix}:lease-${++n}`;

  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL, 'lease-test');
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('is held by one holder at a time, and free again once released', async () => {
    const k = key();
    const first = new RedisLease(redis, k, TTL_MS);
    const second = new RedisLease(redis, k, TTL_MS);
    await expect(first.acquire()).resolves.toBe(true);
    await expect(second.acquire()).resolves.toBe(false);
    await expect(second.release()).resolves.toBe(false);
    await expect(redis.exists(k)).resolves.toBe(1);
    await expect(first.release()).resolves.toBe(true);
    await expect(redis.exists(k)).resolves.toBe(0);
    await expect(second.acquire()).resolves.toBe(true);
    await second.release();
  });

  it('keeps itself renewed while held, well past its time to live', async () => {
    const k = key();
    const holder = new RedisLease(redis, k, TTL_MS);
    await holder.acquire();
    await sleep(TTL_MS * 3);
    await expect(new RedisLease(redis, k, TTL_MS).acquire()).resolves.toBe(false);
    await expect(holder.release()).resolves.toBe(true);
  });

  it('renews only for its holder, to a full time to live', async () => {
    const k = key();
    const holder = new RedisLease(redis, k, 60_000);
    await holder.acquire();
    await redis.pexpire(k, 1_000);
    await expect(holder.renew()).resolves.toBe(true);
    expect(await redis.pttl(k)).toBeGreaterThan(59_000);
    await expect(new RedisLease(redis, k, 60_000).renew()).resolves.toBe(false);
    await holder.release();
  });

  it('lapses within its time to live when its holder dies, and another takes it', async () => {
    const k = key();
    const doomed = await connectRedis(REDIS_URL, 'lease-test-doomed');
    const dead = new RedisLease(doomed, k, TTL_MS);
    await expect(dead.acquire()).resolves.toBe(true);
    doomed.disconnect(); // the holder's process is gone: nothing renews the lease any more
    const successor = new RedisLease(redis, k, TTL_MS);
    await expect(successor.acquire()).resolves.toBe(false);
    await sleep(TTL_MS + 100);
    await expect(successor.acquire()).resolves.toBe(true);
    await dead.release().catch(() => false); // stops its renewal timer; its connection is closed
    await expect(successor.release()).resolves.toBe(true);
  });

  it('tells its holder when a renewal finds the lease taken by someone else', async () => {
    const k = key();
    let lost = false;
    const holder = new RedisLease(redis, k, TTL_MS);
    await holder.acquire(() => (lost = true));
    await redis.set(k, 'someone-else', 'PX', 60_000); // e.g. Redis was flushed and another process took it
    await sleep(TTL_MS);
    expect(lost).toBe(true);
    await expect(holder.release()).resolves.toBe(false);
    await expect(redis.get(k)).resolves.toBe('someone-else');
  });
});
