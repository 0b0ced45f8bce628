import { ConfigError } from '@parley/config';
import IORedis, { type Redis } from 'ioredis';

/** Long enough for any command Parley sends, short enough that a request waiting on a stuck Redis gets its 503. */
const COMMAND_TIMEOUT_MS = 5_000;
const READY_WAIT_MS = 30_000;

/**
 * The app's connection for commands (producers, the login throttle, leases, queue counts). While Redis is away
 * its commands fail at once rather than wait in ioredis' offline queue (requests hung 45 s), and a command Redis
 * stops answering fails after COMMAND_TIMEOUT_MS. Never ioredis' keyPrefix (use BullMQ's prefix).
 */
export const createRedis = (url: string, name: string): Redis =>
  new IORedis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    enableReadyCheck: true,
    connectionName: name,
    lazyConnect: false,
  });

/**
 * A connection for a BullMQ Worker, which blocks waiting for jobs: it must wait out an outage instead (BullMQ
 * needs `maxRetriesPerRequest: null` on it) and carry on by itself when Redis is back.
 */
export const createBlockingRedis = (redis: Redis): Redis =>
  redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });

/** Thrown before sending work to a Redis that is not connected (BullMQ would wait for it to come back). */
export class RedisUnavailableError extends Error {
  constructor() {
    super('Redis is not connected');
    this.name = 'RedisUnavailableError';
  }
}

/** A command-issuing connection that does not wait for Redis fails with one of these while Redis is away. */
const UNAVAILABLE = [
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command timed out',
  'Connection is closed.',
];

/** Whether `error` means Redis is not answering (as opposed to a command Redis refused). */
export const isRedisUnavailable = (error: unknown): boolean =>
  error instanceof RedisUnavailableError ||
  (error instanceof Error &&
    (error.name === 'MaxRetriesPerRequestError' || UNAVAILABLE.includes(error.message)));

/** Where a Redis URL points, without its password, for messages. */
const placeOf = (url: string): string => {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 6379}`;
};

/**
 * The app's command connection once Redis is ready: commands sent before then would fail (they no longer wait),
 * so start-up waits for it, and gives up with the reason when Redis does not answer in READY_WAIT_MS.
 */
export const connectRedis = async (url: string, name: string, waitMs = READY_WAIT_MS): Promise<Redis> => {
  const redis = createRedis(url, name);
  let lastError = '';
  const noteError = (error: Error) => (lastError = error.message);
  redis.on('error', noteError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.disconnect();
        reject(
          new ConfigError([
            `Redis at ${placeOf(url)} did not answer within ${waitMs / 1000} s${lastError ? ` (${lastError})` : ''}: start it, or set REDIS_URL to a Redis that runs.`,
          ]),
        );
      }, waitMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    redis.off('error', noteError);
  }
  return redis;
};

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
