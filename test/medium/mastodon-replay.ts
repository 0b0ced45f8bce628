import type { ConversationPage, SourceWithHealth } from '@parley/contracts';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  timelinePage,
  type FixtureStatus,
} from '../../libs/ingest/src/connectors/test-support/mastodon-instance';
import { startParley, type Parley } from './harness';

/**
 * The tests of one Mastodon timeline served on 127.0.0.1 and paged like Mastodon, polled by the real worker
 * and tagged. The apps read their config once per file, so each timeline gets its own test file.
 */
export const replaysTimeline = (timeline: () => FixtureStatus[], query: string) => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let statuses: FixtureStatus[];
  const requests: string[] = [];

  beforeAll(async () => {
    statuses = timeline();
    server = await startFixtureServer({
      '/api/v1/timelines/public': (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        requests.push(url.search);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(timelinePage(statuses, url)));
      },
    });
    parley = await startParley();
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'dept', name: 'A department', rules: [{ key: 'rule', name: 'The rule', query }] }],
      sources: [
        { key: 'instance', type: 'mastodon', url: server.url('/api/v1/timelines/public'), interval: '1h' },
      ],
    });
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('stores every status once, resumes from the stored cursor, and tags what matches', async () => {
    expect(statuses.length).toBeGreaterThan(0);
    const stored = await eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT external_id, platform, author_handle FROM post ORDER BY external_id`,
      );
      return rows.length === statuses.length && rows;
    });
    expect(stored.every((r) => r.platform === 'mastodon' && r.author_handle)).toBe(true);
    const cursor = (await parley.db.query(`SELECT cursor FROM source WHERE key = 'instance'`)).rows[0].cursor;
    expect(cursor).toBe(
      statuses
        .map((s) => s.id)
        .sort()
        .at(-1),
    );

    const sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'instance'`)).rows[0]
      .id as string;
    const { JobProducer } = await import('@parley/jobs');
    await parley.worker.get(JobProducer).fetchNow(sourceId, 'again');
    await eventually(async () => requests.some((q) => q.includes(`min_id=${cursor}`)));
    expect((await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n).toBe(statuses.length);

    const page = await eventually(async () => {
      const { body } = await parley.admin.get<ConversationPage>('/api/conversations?department=dept');
      return body.items.length >= 2 && body;
    });
    expect(page.items.map((i) => i.platform)).toEqual(page.items.map(() => 'mastodon'));
    const health = (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body[0].health;
    expect(health).toMatchObject({ lastError: null, postCount: statuses.length });
  });
};
