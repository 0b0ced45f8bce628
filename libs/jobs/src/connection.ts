import IORedis, { type Redis } from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` on connections that block; never ioredis' keyPrefix (use BullMQ's prefix). */
export const createRedis = (url: string, name: string): Redis =>
  new IORedis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    lazyConnect: false,
  });

/** Queues silently lose jobs when Redis evicts keys; say so loudly at boot. */
export const evictionWarning = async (redis: Redis): Promise<string | null> => {
  const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
  const policy = reply[1] ?? 'unknown';
  return policy === 'noeviction'
    ? null
    : `Redis maxmemory-policy is "${policy}", not "noeviction": queued jobs can be evicted and lost. ` +
        `Run: redis-cli CONFIG SET maxmemory-policy noeviction (and set it in redis.conf).`;
};
