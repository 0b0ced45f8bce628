import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from './databases';

export type TestEnvironment = {
  env: Record<string, string>;
  databaseUrl: string;
  queuePrefix: string;
  cleanup: () => Promise<void>;
};

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A database the test brought itself (on a private cluster): it outlives the environment, as its owner says. */
const givenDatabase = (url: string) => ({ url, drop: async () => undefined });

/**
 * Its own database and BullMQ prefix for one test file, written into process.env so the apps' config (read once,
 * per file) picks them up, and removed again afterwards. A DATABASE_URL override is used as it is.
 */
export const createTestEnvironment = async (
  overrides: Record<string, string> = {},
): Promise<TestEnvironment> => {
  const database = overrides.DATABASE_URL
    ? givenDatabase(overrides.DATABASE_URL)
    : await createTestDatabase();
  const queuePrefix = `parley-test-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL,
    PORT: '0',
    WORKER_HEALTH_PORT: '0',
    PARLEY_SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
    PARLEY_SECRET_KEY: 'test-encryption-key-that-is-at-least-32-characters',
    PARLEY_QUEUE_PREFIX: queuePrefix,
    PARLEY_FETCH_ALLOWLIST: '127.0.0.1',
    PARLEY_DEMO: 'off',
    PARLEY_JOB_LOCK_MS: '3000',
    PARLEY_LOG_FORMAT: 'json',
    ...overrides,
  };
  Object.assign(process.env, env);
  return {
    env,
    databaseUrl: database.url,
    queuePrefix,
    cleanup: async () => {
      const redis = new IORedis(REDIS_URL);
      try {
        const keys = await redis.keys(`${queuePrefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
      await database.drop();
    },
  };
};
