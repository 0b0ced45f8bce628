import { StatisticsRepository, createDataSource } from '@parley/db';
import { createTestDatabase } from '@parley/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TableStatisticsService } from './table-statistics.service';

const POSTS = 2_000;

const postStatistics = async (dataSource: DataSource) => {
  const rows: { analysed: boolean; reltuples: number }[] = await dataSource.query(
    `SELECT s.last_analyze IS NOT NULL AS analysed, c.reltuples
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'post'`,
  );
  return rows[0];
};

describe('TableStatisticsService (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const statistics = new StatisticsRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
    // Written by a connection that then closes, so its table counters reach the statistics views at once.
    const writer = new Client({ connectionString: database.url });
    await writer.connect();
    await writer.query(
      `WITH s AS (INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id),
            c AS (INSERT INTO conversation (source_id, root_external_id) SELECT id, 'root' FROM s RETURNING id, source_id)
       INSERT INTO post (source_id, external_id, conversation_id, platform, text)
       SELECT c.source_id, 'p' || n, c.id, 'web', 'student loan question ' || n FROM c, generate_series(1, $1) AS n`,
      [POSTS],
    );
    await writer.end();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lists a table grown past autovacuum’s threshold since its last ANALYZE', async () => {
    await vi.waitFor(async () => expect(await statistics.staleTables(dataSource)).toContain('post'));
  });

  it('does not analyse while another process holds the lock', async () => {
    const holder = await dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(7303101)`);
      const done = await dataSource.transaction((tx) => statistics.analyzeExclusively(tx, ['post']));
      expect(done).toBe(false);
      expect((await postStatistics(dataSource)).analysed).toBe(false);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('analyses the grown tables while autovacuum is off, and leaves them to autovacuum when it is on', async () => {
    const autovacuumOn = await statistics.autovacuumIsOn(dataSource);
    await new TableStatisticsService(dataSource, statistics).refresh();
    const after = await postStatistics(dataSource);
    if (autovacuumOn) {
      expect(after.analysed).toBe(false);
      return;
    }
    expect(after).toEqual({ analysed: true, reltuples: POSTS });
    expect(await statistics.staleTables(dataSource)).not.toContain('post');
  });
});
