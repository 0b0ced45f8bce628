import { ConversationRepository, createDataSource } from '@parley/db';
import { JobProducer, QUEUES, connectRedis, createBlockingRedis } from '@parley/jobs';
import { createTestDatabase } from '@parley/testing';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAG_BACKLOG_CONVERSATIONS, TagBacklogGate, type GateRelease } from './tag-backlog.gate';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BACKLOG = TAG_BACKLOG_CONVERSATIONS * 2;

describe('TagBacklogGate (real Postgres and Redis)', () => {
  const prefix = `parley-test-${randomBytes(4).toString('hex')}`;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let redis: Redis;
  let producer: JobProducer;
  let gate: TagBacklogGate;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
    redis = await connectRedis(REDIS_URL, 'gate-test');
    producer = new JobProducer(redis, prefix);
    gate = new TagBacklogGate(dataSource, new ConversationRepository(), producer);
    // Stored and never tagged: twice the backlog the gate lets storing go on with.
    await dataSource.query(
      `WITH s AS (INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id)
       INSERT INTO conversation (source_id, root_external_id) SELECT id, 'root' || n FROM s, generate_series(1, $1) AS n`,
      [BACKLOG],
    );
  });

  afterAll(async () => {
    await producer.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('never holds ingestion back when no tagger is connected, however long the backlog', async () => {
    await expect(gate.waitForRoom()).resolves.toEqual({
      reason: 'no-tagger',
      pending: TAG_BACKLOG_CONVERSATIONS,
    });
  });

  it('holds storing while a connected tagger is behind, and lets it go once it catches up', async () => {
    const connection = createBlockingRedis(redis);
    const tagger = new Worker(QUEUES.tag, async () => undefined, { connection, prefix });
    try {
      await tagger.waitUntilReady();
      let released: GateRelease | null = null;
      const waiting = gate.waitForRoom().then((release) => (released = release));
      await sleep(500);
      expect(released).toBeNull();
      // The tagger catches up with all but a few conversations.
      await dataSource.query(
        `UPDATE conversation SET tagged_version = content_version WHERE id > (SELECT min(id) + 9 FROM conversation)`,
      );
      // It lets storing go because the backlog fell below the threshold, not because it gave up waiting.
      await expect(waiting).resolves.toEqual({ reason: 'room', pending: 10 });
    } finally {
      await tagger.close();
      connection.disconnect();
    }
  });
});
