import { ConfigError } from '@parley/config';
import IORedis, { type Redis } from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` on connections that block; never ioredis' keyPrefix (use BullMQ's prefix). */
export const createRedis = (url: string, name: string): Redis =>
  new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    lazyConnect: false,
  });

/**
 * Queues silently lose jobs when Redis evicts keys, so Parley refuses to start on such a Redis unless the
 * operator allows it (then it only warns). Returns the warning to log, if any.
 */
export const checkEvictionPolicy = async (redis: Redis, allowEviction: boolean): Promise<string | null> => {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1] ?? 'unknown';
  if (policy === 'noeviction') return null;
  const problem =
    `Redis maxmemory-policy is "${policy}", not "noeviction": queued jobs can be evicted and lost. ` +
    `Run: redis-cli CONFIG SET maxmemory-policy noeviction (and set it in redis.conf)`;
  if (allowEviction) return `${problem}. Starting anyway: PARLEY_REDIS_EVICTION=allow.`;
  throw new ConfigError([`${problem}, or set PARLEY_REDIS_EVICTION=allow to start anyway.`]);
};
