import {
  TestApiClient,
  eventually,
  freePort,
  rssFeed,
  settledWithin,
  startFixtureServer,
  startPrivateRedis,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startParley, type Parley } from './harness';

/** Far above a fast failure, far below the 45 s requests hung for: a bound on the outcome, not a benchmark. */
const SETTLES_WITHIN_MS = 10_000;
const QUEUES_DOWN = /Redis \(the queues\) is not answering/;

const settled = <T>(request: Promise<T>) => settledWithin(request, SETTLES_WITHIN_MS);

const BUSY_ITEMS = 300;
const busyItems = Array.from({ length: BUSY_ITEMS }, (_, i) => ({
  guid: `busy-${i}`,
  title: `Council tax question ${i}`,
  description: `When is my council tax due? (${i})`,
}));

const items = [
  { guid: 'loan-1', title: 'Student loan repayments', description: 'How do I repay my student loan?' },
  { guid: 'tax-1', title: 'Council tax band', description: 'Who sets my council tax band?' },
];

describe('Redis down while people use Parley', () => {
  let redis: ChildProcess;
  let port: number;
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));

  const liveOpportunities = async (): Promise<string[]> =>
    (
      await parley.db.query(
        `SELECT p.external_id AS id FROM opportunity o JOIN post p ON p.conversation_id = o.conversation_id
         WHERE o.retired_at IS NULL ORDER BY 1`,
      )
    ).rows.map((r: { id: string }) => r.id);

  const stopRedis = async () => {
    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
  };

  beforeAll(async () => {
    port = await freePort();
    redis = await startPrivateRedis(port);
    server = await startFixtureServer({
      '/forum.xml': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Forum', items)),
      '/busy.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Busy forum', busyItems));
      },
    });
    parley = await startParley({ REDIS_URL: `redis://127.0.0.1:${port}` });
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: '"student loan"' }],
        },
      ],
      sources: [{ key: 'forum', type: 'feed', url: server.url('/forum.xml'), interval: '1h' }],
    });
    await eventually(async () => (await liveOpportunities()).join() === 'loan-1', 30_000);
  });

  afterAll(async () => {
    release();
    // The app closes its queues against a running Redis.
    if (redis && (redis.exitCode !== null || redis.signalCode !== null))
      redis = await startPrivateRedis(port);
    await parley?.close();
    redis?.kill('SIGKILL');
    await server?.close();
  });

  it('answers 503 at once, saves rules to Postgres, and re-tags them once Redis is back', async () => {
    await stopRedis();

    const login = await settled(new TestApiClient(parley.baseUrl).request('POST', '/api/auth/login', ADMIN));
    expect(login).not.toBe('still waiting');
    expect(login).toMatchObject({
      status: 503,
      body: { code: 'unavailable', message: expect.stringMatching(QUEUES_DOWN) },
    });

    const sources = await settled(parley.admin.get('/api/sources'));
    expect(sources).toMatchObject({ status: 503, body: { message: expect.stringMatching(QUEUES_DOWN) } });

    const save = await settled(
      parley.admin.request('PUT', '/api/rules/dfe/loans', {
        name: 'Council tax',
        query: '"council tax"',
        reason: 'the team moved to council tax',
        expectedVersion: 1,
      }),
    );
    expect(save).toMatchObject({ status: 200, body: { backfillState: 'pending' } });
    const { rows } = await parley.db.query(`SELECT query, version FROM listening_rule WHERE key = 'loans'`);
    expect(rows).toEqual([{ query: '"council tax"', version: 2 }]);
    const { backfill } = (save as { body: { backfill: string } }).body;
    const applied = await settled(
      parley.admin.request('PUT', '/api/workspace', {
        departments: [
          {
            key: 'dfe',
            name: 'Department for Education',
            rules: [
              { key: 'loans', name: 'Council tax', query: '"council tax"', purpose: 'council tax questions' },
            ],
          },
        ],
      }),
    );
    expect(applied).toMatchObject({ status: 200, body: { backfillState: 'pending' } });
    expect((await parley.admin.get(`/api/backfills/${backfill}`)).body).toMatchObject({ state: 'pending' });

    // Nobody saves again: the re-tag recorded with the rule runs once Redis answers.
    redis = await startPrivateRedis(port);
    await eventually(async () => (await liveOpportunities()).join() === 'tax-1', 30_000);
    expect((await parley.admin.get(`/api/backfills/${backfill}`)).body).toMatchObject({ state: 'completed' });
  });

  it('loses and doubles nothing when Redis dies mid-ingest', async () => {
    const { admin, db } = parley;
    await admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'busy', type: 'feed', url: server.url('/busy.xml'), interval: '1h' }],
    });
    await eventually(async () => server.hits.includes('/busy.xml'), 30_000);
    await stopRedis(); // while the worker is mid-job, waiting for the feed
    release();
    const sources = await settled(admin.get('/api/sources'));
    expect(sources).toMatchObject({ status: 503, body: { message: expect.stringMatching(QUEUES_DOWN) } });

    redis = await startPrivateRedis(port); // empty: the job, its lock and every scheduler are gone
    const count = async (sql: string) => (await db.query(sql)).rows[0].n as number;
    const busy = `FROM post p JOIN source s ON s.id = p.source_id WHERE s.key = 'busy'`;
    await eventually(async () => (await count(`SELECT count(*)::int AS n ${busy}`)) === BUSY_ITEMS, 40_000);
    await eventually(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM opportunity o JOIN post p ON p.conversation_id = o.conversation_id
           JOIN source s ON s.id = p.source_id WHERE s.key = 'busy' AND o.retired_at IS NULL`,
        )) === BUSY_ITEMS,
      30_000,
    );
    expect(await count(`SELECT count(DISTINCT p.external_id)::int AS n ${busy}`)).toBe(BUSY_ITEMS);
  });
});
