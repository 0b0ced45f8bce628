import { StatisticsRepository, createDataSource } from '@parley/db';
import { createTestDatabase } from '@parley/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TableStatisticsService } from './table-statistics.service';

const POSTS = 2_000;
const CONVERSATIONS = 300;

/** Whether the table had a manual ANALYZE (autovacuum's own counts as last_autoanalyze), and its row estimate. */
const tableStatistics = async (dataSource: DataSource, table: string) => {
  const rows: { analysed: boolean; reltuples: number }[] = await dataSource.query(
    `SELECT s.last_analyze IS NOT NULL AS analysed, c.reltuples
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
    [table],
  );
  return rows[0];
};

describe('TableStatisticsService (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let autovacuumOn: boolean;
  const statistics = new StatisticsRepository();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
    autovacuumOn = (await dataSource.query(`SELECT current_setting('autovacuum')::boolean AS on`))[0].on;
    // Written by a connection that then closes, so its table counters reach the statistics views at once. The
    // post table has autovacuum turned off for it, so the worker must keep its statistics wherever this runs;
    // conversation keeps the server's setting.
    const writer = new Client({ connectionString: database.url });
    await writer.connect();
    await writer.query(`ALTER TABLE post SET (autovacuum_enabled = false)`);
    await writer.query(
      `WITH s AS (INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id),
            c AS (INSERT INTO conversation (source_id, root_external_id) SELECT id, 'root' || n FROM s, generate_series(1, $2) AS n RETURNING id, source_id)
       INSERT INTO post (source_id, external_id, conversation_id, platform, text)
       SELECT c.source_id, 'p' || n, c.id, 'web', 'student loan question ' || n
       FROM (SELECT * FROM c LIMIT 1) c, generate_series(1, $1) AS n`,
      [POSTS, CONVERSATIONS],
    );
    await writer.end();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lists a table grown past autovacuum’s threshold since its last ANALYZE, when autovacuum is off for it', async () => {
    await vi.waitFor(async () => expect(await statistics.staleTables(dataSource)).toContain('post'));
    expect((await statistics.staleTables(dataSource)).includes('conversation')).toBe(!autovacuumOn);
  });

  it('does not analyse while another process holds the lock', async () => {
    const holder = await dataSource.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(7303101)`);
      const done = await dataSource.transaction((tx) => statistics.analyzeExclusively(tx, ['post']));
      expect(done).toBe(false);
      expect((await tableStatistics(dataSource, 'post')).analysed).toBe(false);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('analyses the grown tables autovacuum does not look after, and leaves it the others', async () => {
    expect((await tableStatistics(dataSource, 'post')).analysed).toBe(false);
    await new TableStatisticsService(dataSource, statistics).refresh();
    expect(await tableStatistics(dataSource, 'post')).toEqual({ analysed: true, reltuples: POSTS });
    expect(await statistics.staleTables(dataSource)).not.toContain('post');
    // Where autovacuum runs it analyses conversation itself (as last_autoanalyze); where it is off, the worker does.
    expect((await tableStatistics(dataSource, 'conversation')).analysed).toBe(!autovacuumOn);
  });
});
