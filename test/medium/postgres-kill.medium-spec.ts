import { createDataSource, runMigrations } from '@parley/db';
import {
  TestApiClient,
  eventually,
  freePort,
  rssFeed,
  settledWithin,
  startFixtureServer,
  startPrivatePostgres,
  type PrivatePostgres,
} from '@parley/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startParley, type Parley } from './harness';

const ITEMS = 400;
/** Far above a fast failure, far below a request left hanging: a bound on the outcome, not a benchmark. */
const SETTLES_WITHIN_MS = 10_000;
const DATABASE_DOWN = /database is not answering/;

const items = Array.from({ length: ITEMS }, (_, i) => ({
  guid: `loan-${i}`,
  title: `Student loan question ${i}`,
  description: `How do I repay my student loan? (${i})`,
}));

const settled = <T>(request: Promise<T>) => settledWithin(request, SETTLES_WITHIN_MS);

describe('Postgres killed (kill -9 of the postmaster) mid-ingest', () => {
  let postgres: PrivatePostgres;
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    postgres = await startPrivatePostgres(await freePort());
    const url = await postgres.createDatabase('parley');
    const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
    try {
      await runMigrations(dataSource);
    } finally {
      await dataSource.destroy();
    }
    server = await startFixtureServer({
      '/loans.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Loans forum', items));
      },
    });
    parley = await startParley({ DATABASE_URL: url });
  });

  afterAll(async () => {
    release();
    await parley?.close();
    await postgres?.remove();
    await server?.close();
  });

  it('answers 503 at once meanwhile, then stores and tags every post exactly once', async () => {
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: '"student loan"' }],
        },
      ],
      sources: [{ key: 'loans', type: 'feed', url: server.url('/loans.xml'), interval: '1h' }],
    });
    await eventually(async () => server.hits.includes('/loans.xml'), 30_000);

    // The worker is mid-job (fetching) when the database dies; it then tries to store into the dead server.
    await postgres.kill();
    release();

    const sources = await settled(parley.admin.get('/api/sources'));
    expect(sources).toMatchObject({ status: 503, body: { message: expect.stringMatching(DATABASE_DOWN) } });
    const login = await settled(new TestApiClient(parley.baseUrl).request('POST', '/api/auth/login', ADMIN));
    expect(login).toMatchObject({ status: 503, body: { code: 'unavailable' } });

    await postgres.start();
    const db = new Client({ connectionString: parley.env.databaseUrl });
    await db.connect();
    parley.db = db; // the harness's own client died with the server
    const count = async (sql: string) => (await db.query(sql)).rows[0].n as number;
    await eventually(async () => (await count(`SELECT count(*)::int AS n FROM post`)) === ITEMS, 60_000, 500);
    await eventually(
      async () => (await count(`SELECT count(*)::int AS n FROM opportunity`)) === ITEMS,
      30_000,
      500,
    );
    const totals = await db.query(
      `SELECT count(*)::int AS posts, count(DISTINCT external_id)::int AS distinct_posts,
              (SELECT count(*)::int FROM conversation) AS conversations FROM post`,
    );
    expect(totals.rows[0]).toEqual({ posts: ITEMS, distinct_posts: ITEMS, conversations: ITEMS });
    expect((await parley.admin.get('/api/sources')).status).toBe(200);
  });
});
