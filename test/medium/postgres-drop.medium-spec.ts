import { eventually, rssFeed, startFixtureServer, withAdmin } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const ITEMS = 300;
const items = Array.from({ length: ITEMS }, (_, i) => ({
  guid: `p-${i}`,
  title: `Bin collection question ${i}`,
  description: `When is the bin collection in my street? (${i})`,
}));

describe('Postgres connections dropped mid-run (as in a Postgres restart)', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    server = await startFixtureServer({
      '/bins.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Bins', items));
      },
    });
    parley = await startParley();
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('retries the job once the database answers again, and stores every post exactly once', async () => {
    const database = new URL(parley.env.databaseUrl).pathname.slice(1);
    await parley.admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'bins', type: 'feed', url: server.url('/bins.xml'), interval: '1h' }],
    });
    await eventually(async () => server.hits.includes('/bins.xml'));
    // Every connection to this test's database is cut while the worker is mid-job.
    await withAdmin((c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [database],
      ),
    );
    release();
    const { Client } = await import('pg');
    const db = new Client({ connectionString: parley.env.databaseUrl });
    await db.connect();
    try {
      await eventually(
        async () => (await db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n === ITEMS,
        60_000,
        500,
      );
      const totals = await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d FROM post`,
      );
      expect(totals.rows[0]).toEqual({ n: ITEMS, d: ITEMS });
    } finally {
      await db.end();
    }
    // The harness's own client was cut too; give it a fresh one so teardown can close it.
    parley.db = new Client({ connectionString: parley.env.databaseUrl });
    await parley.db.connect();
  });
});
