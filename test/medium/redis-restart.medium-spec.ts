import type { SourceWithHealth } from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import {
  eventually,
  freePort,
  rssFeed,
  startFixtureServer,
  startPrivateRedis as startRedis,
  type Handler,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const feed =
  (name: string): Handler =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      rssFeed(
        name,
        [1, 2, 3].map((i) => ({
          guid: `${name}-${i}`,
          title: `${name} post ${i}`,
          description: `About council tax ${i}`,
        })),
      ),
    );

describe('Redis restarted mid-run', () => {
  let redis: ChildProcess;
  let port: number;
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    server = await startFixtureServer({ '/a.xml': feed('a'), '/b.xml': feed('b') });
    parley = await startParley({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    await parley?.close();
    redis?.kill('SIGKILL');
    await server?.close();
  });

  it('resumes ingest by itself: schedulers restored from Postgres, new sources fetched', async () => {
    const { admin, db, worker } = parley;
    await admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'a', type: 'feed', url: server.url('/a.xml'), interval: '1h' }],
    });
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n === 3);

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    redis = await startRedis(port); // empty: every queue, job and scheduler is gone

    const sourceA = (await db.query(`SELECT id FROM source WHERE key = 'a'`)).rows[0].id as string;
    await eventually(
      async () => (await worker.get(JobProducer).scheduleIds()).includes(`source-${sourceA}`),
      30_000,
    );
    const applied = await eventually(async () => {
      const response = await admin.request('PUT', '/api/workspace', {
        sources: [{ key: 'b', type: 'feed', url: server.url('/b.xml'), interval: '1h' }],
      });
      return response.status === 200 && response;
    }, 30_000);
    expect(applied.status).toBe(200);
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n === 6,
      30_000,
    );
    const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
    expect(sources.map((s) => [s.key, s.health.postCount])).toEqual([
      ['a', 3],
      ['b', 3],
    ]);
  });
});
