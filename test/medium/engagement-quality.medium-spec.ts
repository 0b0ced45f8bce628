import {
  engagementRateDetailSchema,
  ownPostsResponseSchema,
  perPostRateDetailSchema,
  type MetricsResponse,
  type OwnPostsResponse,
  type SeriesResponse,
} from '@parley/contracts';
import { eventually, startFixtureServer } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

type Status = {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  url: string;
  content: string;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  reblog: null;
  account: { id: string; username: string; acct: string; url: string; followers_count?: number };
};

const account = (acct: string, followers?: number): Status['account'] => ({
  id: `acct-${acct}`,
  username: acct,
  acct,
  url: `https://social.example/@${acct}`,
  ...(followers === undefined ? {} : { followers_count: followers }),
});

const status = (
  id: string,
  createdAt: string,
  who: Status['account'],
  counters: { likes: number; reposts: number; replies: number },
  inReplyTo: string | null = null,
): Status => ({
  id,
  created_at: createdAt,
  in_reply_to_id: inReplyTo,
  url: `https://social.example/@${who.acct}/${id}`,
  content: `<p>Status ${id} from ${who.acct}: flu jabs are open to everyone over 65.</p>`,
  favourites_count: counters.likes,
  reblogs_count: counters.reposts,
  replies_count: counters.replies,
  reblog: null,
  account: who,
});

const DHSC = account('dhsc', 10_000);
// The department's own posts in November 2026 (London is on GMT, so UTC times are London times):
const S1 = status('1001', '2026-11-03T10:00:00Z', DHSC, { likes: 60, reposts: 30, replies: 12 });
// The department continuing its own thread: an own post, and not a reply "by others" to S1.
const S2 = status('1002', '2026-11-03T10:05:00Z', DHSC, { likes: 0, reposts: 0, replies: 0 }, '1001');
// A member of the public replying: a public post, whose large counters must never count as the department's.
const S3 = status(
  '1003',
  '2026-11-03T11:00:00Z',
  account('citizen', 50),
  {
    likes: 500,
    reposts: 90,
    replies: 40,
  },
  '1001',
);
const S4 = status('1004', '2026-11-10T23:10:00Z', DHSC, { likes: 2, reposts: 0, replies: 0 });
// A public post on its own, popular, not the department's.
const S6 = status('1006', '2026-11-12T09:00:00Z', account('someone', 3_000), {
  likes: 900,
  reposts: 300,
  replies: 70,
});
// An own post that came without a follower count (as every Bluesky post does: the firehose carries none).
const S7 = status('1007', '2026-11-20T12:00:00Z', account('dhsc'), { likes: 5, reposts: 1, replies: 0 });

// A week later the public timeline has a new reply to S1; the thread above it is fetched again, and Mastodon
// now reports S1 at 80 likes, 40 reposts, 13 replies, from an account that has since gained 500 followers.
const S1_LATER = status('1001', S1.created_at, account('dhsc', 10_500), {
  likes: 80,
  reposts: 40,
  replies: 13,
});
const S8 = status(
  '1010',
  '2026-11-25T08:00:00Z',
  account('neighbour', 20),
  { likes: 0, reposts: 0, replies: 0 },
  '1001',
);

// An own post of the last hour (after the November window), seen on the timeline with nothing yet; read again by
// id an hour or more later, when Mastodon reports 7 likes, 3 reposts and 2 replies.
const S9_AT = new Date(Math.max(Date.now() - 3_600_000, Date.parse('2026-12-01T00:00:00Z'))).toISOString();
const S9 = status('1009', S9_AT, DHSC, { likes: 0, reposts: 0, replies: 0 });
const S9_LATER = status('1009', S9_AT, DHSC, { likes: 7, reposts: 3, replies: 2 });

const WINDOW = 'department=dhsc&from=2026-11-01&to=2026-12-01';

/**
 * Engagement quality of the department's own posts, through the real ingest path: a Mastodon instance on 127.0.0.1
 * serving the public timeline and a thread context, the worker polling and storing, tagging marking which posts are
 * the department's, then the metrics and the best and worst posts read from the api. Every number is worked out
 * by hand below.
 */
describe('engagement quality: the department’s own posts', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let timeline: Status[] = [S1, S2, S3, S4, S6, S7, S9];
  let sourceId: string;

  const ownPosts = async (order: 'best' | 'worst') =>
    (await parley.admin.get<OwnPostsResponse>(`/api/metrics/own-posts?${WINDOW}&order=${order}`)).body;
  const countersOf = async (externalId: string) =>
    (
      await parley.db.query(
        `SELECT like_count, repost_count, reply_count, author_followers, by_department_id IS NOT NULL AS own
         FROM post WHERE external_id = $1`,
        [externalId],
      )
    ).rows[0];

  beforeAll(async () => {
    server = await startFixtureServer({
      '/api/v1/timelines/public': (req, res) => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const minId = url.searchParams.get('min_id');
        const page = timeline.filter((s) => minId === null || Number(s.id) > Number(minId)).reverse();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
      },
      '/api/v1/statuses/1009': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(S9_LATER));
      },
      '/api/v1/statuses/1010/context': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ancestors: [S1_LATER], descendants: [] }));
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dhsc',
          name: 'Department of Health and Social Care',
          accounts: [{ platform: 'mastodon', handle: 'dhsc', site: 'social.example' }],
          rules: [{ key: 'flu', name: 'Flu jabs', query: 'flu' }],
        },
      ],
      sources: [
        { key: 'instance', type: 'mastodon', url: server.url('/api/v1/timelines/public'), interval: '1h' },
      ],
    });
    expect(applied.status).toBe(200);
    sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'instance'`)).rows[0].id;
    // Stored and tagged: the department's posts are marked as its own.
    await eventually(async () => (await countersOf('1007'))?.own === true, 60_000);
    await eventually(async () => (await countersOf('1009'))?.own === true, 60_000);
  }, 120_000);

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('stores the followers and counters Mastodon sends, and marks only the department’s posts as its own', async () => {
    expect(await countersOf('1001')).toEqual({
      like_count: 60,
      repost_count: 30,
      reply_count: 12,
      author_followers: 10_000,
      own: true,
    });
    expect(await countersOf('1003')).toMatchObject({ like_count: 500, own: false });
    expect(await countersOf('1007')).toMatchObject({ author_followers: null, like_count: 5, own: true });
  });

  it('refreshes the counters when the thread is fetched again, keeping the followers from when it was stored', async () => {
    timeline = [...timeline, S8];
    const { JobProducer } = await import('@parley/jobs');
    await parley.worker.get(JobProducer).fetchNow(sourceId, 'again');
    const refreshed = await eventually(async () => {
      const row = await countersOf('1001');
      return row.like_count === 80 && row;
    }, 60_000);
    expect(refreshed).toEqual({
      like_count: 80,
      repost_count: 40,
      reply_count: 13,
      author_followers: 10_000,
      own: true,
    });
    await eventually(async () => (await countersOf('1010'))?.own === false, 60_000);
  });

  it('reads a recent own post’s counters again by id once the last reading is an hour old', async () => {
    expect(await countersOf('1009')).toMatchObject({ like_count: 0, repost_count: 0, reply_count: 0 });
    // Read two hours ago, as if that poll had been then.
    await parley.db.query(
      `UPDATE post SET counters_at = now() - interval '2 hours' WHERE external_id = '1009'`,
    );
    const { JobProducer } = await import('@parley/jobs');
    await parley.worker.get(JobProducer).fetchNow(sourceId, 'recheck');
    const refreshed = await eventually(async () => {
      const row = await countersOf('1009');
      return row.like_count === 7 && row;
    }, 60_000);
    expect(refreshed).toEqual({
      like_count: 7,
      repost_count: 3,
      reply_count: 2,
      author_followers: 10_000,
      own: true,
    });
    // Read just now, so the next poll leaves it alone; S1 (read minutes ago) was never asked for by id.
    expect(server.hits.filter((path) => path === '/api/v1/statuses/1009')).toHaveLength(1);
    expect(server.hits).not.toContain('/api/v1/statuses/1001');
  });

  it('computes the four rates from the own posts alone', async () => {
    const { body } = await parley.admin.get<MetricsResponse>(`/api/metrics?${WINDOW}&compare=previous`);
    const m = body.metrics;
    // Own posts: S1, S2, S4, S7 (S3, S6 and S8 are the public's).
    // Replies by others: S1 13 − 1 (S2, the department's own reply) = 12; S2, S4, S7 0.
    // Rates: S1 (80 + 40 + 12) ÷ 10,000 × 100 = 1.32; S2 0 ÷ 10,000 = 0; S4 (2 + 0 + 0) ÷ 10,000 × 100 = 0.02;
    // S7 has no follower count: excluded and reported. Mean (1.32 + 0 + 0.02) ÷ 3 = 0.44666…
    expect(m.engagement_rate_followers).toMatchObject({
      n: 3,
      denominator: 3,
      excluded: 1,
      unit: 'percent',
      stage: 'outtakes',
      smallSample: true,
      // The previous 30 days (2 Oct – 1 Nov) had no own posts: no data, so no change either.
      previous: null,
      change: null,
      detail: { posts: 4, withoutFollowers: 1, median: 0.02 },
    });
    expect(m.engagement_rate_followers.value).toBeCloseTo(1.34 / 3, 10);
    expect(m.engagement_rate_followers.numerator).toBeCloseTo(1.34, 10);
    // Reposts 40 + 0 + 0 + 1 = 41 over 4 posts = 10.25; per 1,000 followers: 40 ÷ (30,000 ÷ 1,000) = 1.333…
    expect(m.amplification).toMatchObject({
      value: 10.25,
      n: 4,
      numerator: 41,
      denominator: 4,
      unit: 'ratio',
    });
    expect(m.amplification.detail?.per1000Followers).toBeCloseTo(40 / 30, 10);
    // Likes 80 + 0 + 2 + 5 = 87 ÷ 4 = 21.75; per 1,000: 82 ÷ 30 = 2.733…
    expect(m.applause).toMatchObject({ value: 21.75, numerator: 87, denominator: 4 });
    expect(m.applause.detail?.per1000Followers).toBeCloseTo(82 / 30, 10);
    // Replies by others 12 + 0 + 0 + 0 = 12 ÷ 4 = 3; per 1,000: 12 ÷ 30 = 0.4
    expect(m.conversation).toMatchObject({ value: 3, numerator: 12, denominator: 4 });
    expect(m.conversation.detail?.per1000Followers).toBeCloseTo(0.4, 10);
    // The details have the shapes the contracts give the dashboards.
    expect(() => engagementRateDetailSchema.parse(m.engagement_rate_followers.detail)).not.toThrow();
    for (const id of ['amplification', 'applause', 'conversation'])
      expect(() => perPostRateDetailSchema.parse(m[id].detail)).not.toThrow();
  });

  it('gives null, not 0, for a window without own posts', async () => {
    const { body } = await parley.admin.get<MetricsResponse>(
      '/api/metrics?department=dhsc&from=2026-10-01&to=2026-11-01&compare=none',
    );
    for (const id of ['engagement_rate_followers', 'amplification', 'applause', 'conversation']) {
      expect(body.metrics[id]).toMatchObject({ value: null, n: 0, smallSample: true });
    }
    const empty = await parley.admin.get<OwnPostsResponse>(
      '/api/metrics/own-posts?department=dhsc&from=2026-10-01&to=2026-11-01',
    );
    expect(empty.body).toMatchObject({ medianRate: null, posts: 0, ranked: 0, items: [] });
  });

  it('charts the rate by day, each day its own mean', async () => {
    const { body } = await parley.admin.get<SeriesResponse>(
      '/api/metrics/engagement_rate_followers/series?department=dhsc&from=2026-11-03&to=2026-11-05&bucket=day',
    );
    // 3 Nov: S1 1.32 and S2 0, mean 0.66 over 2 posts; 4 Nov: no posts, no data.
    expect(
      body.points.map((p) => [p.at, p.value === null ? null : Number(p.value.toFixed(10)), p.n]),
    ).toEqual([
      ['2026-11-03T00:00:00.000Z', 0.66, 2],
      ['2026-11-04T00:00:00.000Z', null, 0],
    ]);
  });

  it('lists the best and the worst posts with why, against the median', async () => {
    const best = await ownPosts('best');
    expect(() => ownPostsResponseSchema.parse(best)).not.toThrow();
    // Rates sorted [0, 0.02, 1.32]: the nearest-rank median is the 2nd, 0.02.
    expect(best).toMatchObject({ order: 'best', medianRate: 0.02, posts: 4, ranked: 3, withoutFollowers: 1 });
    expect(best.items.map((p) => p.url)).toEqual([
      'https://social.example/@dhsc/1001',
      'https://social.example/@dhsc/1004',
      'https://social.example/@dhsc/1002',
    ]);
    // S1: 1.32 ÷ 0.02 = 66×, and the most reposts, likes and replies of the department's posts (S3's 500 likes
    // are the public's).
    expect(best.items[0]).toMatchObject({
      platform: 'mastodon',
      excerpt: 'Status 1001 from dhsc: flu jabs are open to everyone over 65.',
      publishedAt: '2026-11-03T10:00:00.000Z',
      likes: 80,
      reposts: 40,
      replies: 13,
      repliesByOthers: 12,
      followers: 10_000,
      reason:
        '66× the department’s median engagement rate; most reposts in this period; most likes in this period; most replies in this period',
    });
    expect(best.items[0].rate).toBeCloseTo(1.32, 10);

    const worst = await ownPosts('worst');
    expect(worst.items.map((p) => [p.url, p.reason])).toEqual([
      // S2 at 10:05 on a Tuesday: nothing at all, in working hours.
      ['https://social.example/@dhsc/1002', 'No likes, reposts or replies from 10,000 followers'],
      // S4: 2 likes; 0.02 ÷ 0.02 = 1.0× the median; 23:10 in London.
      [
        'https://social.example/@dhsc/1004',
        'No replies or reposts from 10,000 followers; 1.0× the department’s median engagement rate; posted at 23:10',
      ],
      ['https://social.example/@dhsc/1001', expect.stringMatching(/^66× the department’s median/)],
    ]);
  });

  it('counts a Bluesky post’s replies by others from the thread Parley holds, having no reply counter', async () => {
    // Written as the firehose leaves a post (no follower count, no reply counter, likes and reposts added up as
    // they were seen), in a source that is switched off so no stream starts for it.
    const seeded = await parley.db.query(
      `WITH s AS (
         INSERT INTO source (key, type, url, interval_ms, enabled) VALUES ('firehose', 'bluesky', 'wss://jetstream.example', 3600000, false)
         RETURNING id
       ), c AS (
         INSERT INTO conversation (source_id, root_external_id, title) SELECT id, 'at://did:plc:dhsc/app.bsky.feed.post/1', null FROM s
         RETURNING id, source_id
       )
       INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, in_reply_to, like_count,
         repost_count, by_department_id, deleted_at)
       SELECT c.source_id, v.external_id, c.id, 'bluesky', v.text, v.published_at::timestamptz, v.in_reply_to, v.likes,
         v.reposts, CASE WHEN v.own THEN (SELECT id FROM department WHERE key = 'dhsc') END, v.deleted_at::timestamptz
       FROM c, (VALUES
         ('at://did:plc:dhsc/app.bsky.feed.post/1', 'Flu jabs: book now.', '2026-09-10T09:00:00Z', null, 4, 1, true, null),
         ('at://did:plc:a/app.bsky.feed.post/2', 'Booked, thanks', '2026-09-10T09:30:00Z', 'at://did:plc:dhsc/app.bsky.feed.post/1', null, null, false, null),
         ('at://did:plc:b/app.bsky.feed.post/3', 'Where?', '2026-09-10T09:40:00Z', 'at://did:plc:dhsc/app.bsky.feed.post/1', null, null, false, null),
         ('at://did:plc:c/app.bsky.feed.post/4', '', '2026-09-10T09:50:00Z', 'at://did:plc:dhsc/app.bsky.feed.post/1', null, null, false, '2026-09-11T00:00:00Z'),
         ('at://did:plc:d/app.bsky.feed.post/5', 'Reply to a reply', '2026-09-10T10:00:00Z', 'at://did:plc:b/app.bsky.feed.post/3', null, null, false, null)
       ) AS v(external_id, text, published_at, in_reply_to, likes, reposts, own, deleted_at)
       RETURNING id`,
    );
    expect(seeded.rowCount).toBe(5);
    const { body } = await parley.admin.get<MetricsResponse>(
      '/api/metrics?department=dhsc&from=2026-09-01&to=2026-10-01&compare=none',
    );
    // One own post with no follower count: no rate, the post excluded and reported.
    expect(body.metrics.engagement_rate_followers).toMatchObject({ value: null, n: 0, excluded: 1 });
    // 1 repost and 4 likes over 1 post; no follower count, so nothing per 1,000 followers.
    expect(body.metrics.amplification).toMatchObject({ value: 1, detail: { per1000Followers: null } });
    expect(body.metrics.applause).toMatchObject({ value: 4 });
    // Direct replies by others stored: posts 2 and 3 (4 is deleted; 5 answers 3, not the department) = 2.
    expect(body.metrics.conversation).toMatchObject({ value: 2, numerator: 2, denominator: 1 });
  });

  it('answers bad input with a message a person can act on', async () => {
    const bad = await parley.admin.get<{ message: string }>(
      `/api/metrics/own-posts?${WINDOW}&order=middling`,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/order is best or worst/);
  });
});
