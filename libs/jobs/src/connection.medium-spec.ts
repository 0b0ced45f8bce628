import { ConfigError } from '@parley/config';
import { freePort, startPrivateRedis } from '@parley/testing';
import IORedis from 'ioredis';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvictionPolicy, connectRedis, isRedisUnavailable } from './connection';

describe('Redis eviction policy at start-up', () => {
  let servers: ChildProcess[] = [];
  let redis: IORedis;
  let safe: IORedis;

  beforeAll(async () => {
    const [evictingPort, safePort] = [await freePort(), await freePort()];
    servers = [await startPrivateRedis(evictingPort, 'allkeys-lru'), await startPrivateRedis(safePort)];
    redis = new IORedis(`redis://127.0.0.1:${evictingPort}`);
    safe = new IORedis(`redis://127.0.0.1:${safePort}`);
  });

  afterAll(() => {
    redis?.disconnect();
    safe?.disconnect();
    for (const server of servers) server.kill('SIGKILL');
  });

  it('refuses a Redis that may evict queued jobs, saying how to fix it', async () => {
    const refusal = checkEvictionPolicy(redis, false);
    await expect(refusal).rejects.toBeInstanceOf(ConfigError);
    await expect(refusal).rejects.toThrow(/"allkeys-lru".*PARLEY_REDIS_EVICTION=allow/s);
  });

  it('only warns when the operator allows it', async () => {
    expect(await checkEvictionPolicy(redis, true)).toMatch(/Starting anyway/);
  });

  it('says nothing on a noeviction Redis', async () => {
    expect(await checkEvictionPolicy(safe, false)).toBeNull();
  });
});

describe('Redis away', () => {
  it('stops start-up with the reason when Redis does not answer', async () => {
    const port = await freePort(); // nothing listens there
    const start = connectRedis(`redis://:secret@127.0.0.1:${port}`, 'absent-test', 500);
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(
      new RegExp(`Redis at 127.0.0.1:${port} did not answer within 0.5 s \\(.*ECONNREFUSED.*\\): start it`),
    );
  });

  it('fails a command at once while Redis is down, as unavailable', async () => {
    const port = await freePort();
    const server = await startPrivateRedis(port);
    const redis = await connectRedis(`redis://127.0.0.1:${port}`, 'outage-test');
    try {
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      await expect
        .poll(async () => isRedisUnavailable(await redis.ping().catch((error: unknown) => error)))
        .toBe(true);
    } finally {
      redis.disconnect();
    }
  });
});
