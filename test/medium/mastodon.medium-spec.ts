import type { ConversationPage, SourceWithHealth } from '@parley/contracts';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMastodonCorpus, replayKey } from '../../libs/ingest/src/connectors/test-support/mastodon-corpus';
import { startParley, type Parley } from './harness';

const corpus = loadMastodonCorpus();
const publicTimeline = corpus.get('/api/v1/timelines/public?') as { id: string; content: string }[];

describe('Mastodon replayed from recorded responses', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer({
      '/api/v1/timelines/public': (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        requests.push(url.search);
        // A resumed poll (min_id) has nothing newer than the recording: answer as Mastodon does, with [].
        const body = url.searchParams.has('min_id') ? [] : corpus.get(replayKey(url));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? []));
      },
    });
    parley = await startParley();
    await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dcms',
          name: 'Culture, Media and Sport',
          rules: [{ key: 'tv', name: 'Television', query: 'television OR internet' }],
        },
      ],
      sources: [
        { key: 'instance', type: 'mastodon', url: server.url('/api/v1/timelines/public'), interval: '1h' },
      ],
    });
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('stores every recorded status once, resumes from the stored cursor, and tags what matches', async () => {
    expect(publicTimeline.length).toBeGreaterThan(0);
    const stored = await eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT external_id, platform, author_handle FROM post ORDER BY external_id`,
      );
      return rows.length === publicTimeline.length && rows;
    });
    expect(stored.every((r) => r.platform === 'mastodon' && r.author_handle)).toBe(true);
    const cursor = (await parley.db.query(`SELECT cursor FROM source WHERE key = 'instance'`)).rows[0].cursor;
    expect(cursor).toBe(
      publicTimeline
        .map((s) => s.id)
        .sort()
        .at(-1),
    );

    const sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'instance'`)).rows[0]
      .id as string;
    const { JobProducer } = await import('@parley/jobs');
    await parley.worker.get(JobProducer).fetchNow(sourceId, 'again');
    await eventually(async () => requests.some((q) => q.includes(`min_id=${cursor}`)));
    expect((await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n).toBe(
      publicTimeline.length,
    );

    const page = await eventually(async () => {
      const { body } = await parley.admin.get<ConversationPage>('/api/conversations?department=dcms');
      return body.items.length >= 2 && body;
    });
    expect(page.items.map((i) => i.platform)).toEqual(page.items.map(() => 'mastodon'));
    const health = (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body[0].health;
    expect(health).toMatchObject({ lastError: null, postCount: publicTimeline.length });
  });
});
