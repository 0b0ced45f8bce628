import { englandAndWalesBankHolidays, type Config } from '@parley/config';
import {
  AlertDetectionRepository,
  createDataSource,
  MentionRollupRepository,
  SentimentRepository,
  ThemeRepository,
} from '@parley/db';
import {
  JobProducer,
  QUEUES,
  ROLLUP_SCHEDULER_ID,
  SENTIMENT_SCHEDULER_ID,
  THEMES_SCHEDULER_ID,
  connectRedis,
} from '@parley/jobs';
import { createTestDatabase } from '@parley/testing';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EvaluateAlertsHandler } from '../handlers/evaluate-alerts.handler';
import { RollUpMentionsHandler } from '../handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../handlers/roll-up-themes.handler';
import { AlertEvaluator } from '../services/alert-evaluator.service';
import { RollupProcessor } from './rollup.processor';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RollupProcessor (real Postgres and Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let redis: Redis;
  let producer: JobProducer;
  let processor: RollupProcessor;
  let mentions: RollUpMentionsHandler;
  const rollup = new MentionRollupRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
    redis = await connectRedis(REDIS_URL, 'rollup-test');
    producer = new JobProducer(redis, prefix);
    mentions = new RollUpMentionsHandler(
      dataSource,
      rollup,
      new SentimentRepository(),
      new ThemeRepository(),
    );
    const config = { queuePrefix: prefix, workerConcurrency: 1, jobLockMs: 30_000 } as Config;
    processor = new RollupProcessor(
      config,
      redis,
      producer,
      mentions,
      new RollUpSentimentHandler(dataSource, rollup, new SentimentRepository()),
      new RollUpThemesHandler(dataSource, new ThemeRepository()),
      new EvaluateAlertsHandler(
        dataSource,
        new AlertDetectionRepository(),
        new AlertEvaluator(
          new AlertDetectionRepository(),
          new SentimentRepository(),
          englandAndWalesBankHolidays(),
        ),
      ),
    );
  });

  afterAll(async () => {
    await processor?.beforeApplicationShutdown();
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('schedules the roll-up at boot and counts what was fetched, from the queue', async () => {
    const [{ id: departmentId }]: { id: string }[] = await dataSource.query(
      `INSERT INTO department (key, name) VALUES ('hmrc', 'HM Revenue and Customs') RETURNING id`,
    );
    await dataSource.query(
      `WITH s AS (INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id)
       INSERT INTO post (source_id, external_id, platform, text, published_at)
       SELECT id, 'p' || n, 'web', 'HM Revenue and Customs took my call ' || n, now() - interval '2 hours' FROM s, generate_series(1, 3) n`,
    );
    await processor.onApplicationBootstrap();
    const queue = new Queue(QUEUES.rollup, { connection: redis, prefix });
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      [ROLLUP_SCHEDULER_ID, SENTIMENT_SCHEDULER_ID, THEMES_SCHEDULER_ID].sort(),
    );
    await queue.close();
    await vi.waitFor(
      async () => {
        const hourly = await rollup.hourly(dataSource, departmentId, new Date(0), new Date());
        expect(hourly.map((h) => h.mentions)).toEqual([3]);
      },
      { timeout: 20_000, interval: 200 },
    );
    // Each roll-up asks for the alert detectors after it: their watermark exists once they have run.
    await vi.waitFor(
      async () => {
        const rows: unknown[] = await dataSource.query(
          `SELECT 1 FROM rollup_watermark WHERE name = 'alerts'`,
        );
        expect(rows).toHaveLength(1);
      },
      { timeout: 20_000, interval: 200 },
    );
  });

  it('ends its roll-ups once the process is stopping, so a restart does not wait for a catch-up', async () => {
    await dataSource.query(
      `INSERT INTO post (source_id, external_id, platform, text, published_at)
       SELECT id, 'late' || n, 'web', 'HM Revenue and Customs again ' || n, now() FROM source, generate_series(1, 3) n`,
    );
    await processor.beforeApplicationShutdown();
    // A job that reached the handler as the worker closed: it counts nothing and the next process goes on.
    expect(await mentions.handle()).toEqual({ steps: 0, hours: 0 });
  });
});
