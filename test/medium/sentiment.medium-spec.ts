import type {
  MetricsResponse,
  NetSentimentDetail,
  SentimentLabelResponse,
  SentimentSample,
} from '@parley/contracts';
import { createDataSource, MentionRollupRepository, SentimentRepository } from '@parley/db';
import { TestApiClient } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { startApi, type Api } from './harness';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * A department's public mentions classified by the roll-up job, net sentiment from the hourly roll-up, a person's
 * label overriding the classifier in the counts, the classifier's accuracy (with its Wilson interval) against the
 * labels, and sentiment_shift around the department's first reply. Every expected number is worked out below.
 */
describe('sentiment: classified in the roll-up, counted by hour, checked by people', () => {
  let parley: Api;
  let dataSource: DataSource;
  let policy: TestApiClient;
  let comms: TestApiClient;
  let rollUp: RollUpSentimentHandler;
  const ids: Record<string, string> = {};
  // Three whole hours ago, so every post is in one hour bucket and before "now".
  const base = new Date(Math.floor((Date.now() - 3 * HOUR) / HOUR) * HOUR);
  const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);
  const window = `from=${new Date(base.getTime() - 24 * HOUR).toISOString()}&to=${new Date(base.getTime() + 3 * HOUR).toISOString()}`;

  const person = async (key: string, role: string) => {
    const email = `${key}@example.gov.uk`;
    const created = await parley.admin.request('POST', '/api/users', {
      email,
      name: key,
      password: `${key}-long-password`,
      memberships: [{ department: 'dft', role }],
    });
    expect(created.status).toBe(201);
    const client = new TestApiClient(parley.baseUrl);
    expect(await client.login(email, `${key}-long-password`)).toBe(200);
    return client;
  };

  const netSentiment = async () => {
    const { status, body } = await policy.get<MetricsResponse>(
      `/api/metrics?department=dft&${window}&compare=none`,
    );
    expect(status).toBe(200);
    return body.metrics.net_sentiment;
  };

  beforeAll(async () => {
    parley = await startApi();
    dataSource = await createDataSource(parley.env.databaseUrl, { poolSize: 2 }).initialize();
    rollUp = new RollUpSentimentHandler(dataSource, new MentionRollupRepository(), new SentimentRepository());
    const [{ id: departmentId }] = (
      await parley.db.query(
        `INSERT INTO department (key, name) VALUES ('dft', 'Department for Transport') RETURNING id`,
      )
    ).rows;
    await parley.db.query(
      `INSERT INTO department_account (department_id, platform, handle) VALUES ($1, 'mastodon', 'dft')`,
      [departmentId],
    );
    const [{ id: sourceId }] = (
      await parley.db.query(
        `INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id`,
      )
    ).rows;
    const [{ id: conversationId }] = (
      await parley.db.query(
        `INSERT INTO conversation (source_id, root_external_id) VALUES ($1, 'thread') RETURNING id`,
        [sourceId],
      )
    ).rows;
    const post = async (
      key: string,
      text: string,
      minutes: number,
      extra: { handle?: string; thread?: boolean } = {},
    ) => {
      const [{ id }] = (
        await parley.db.query(
          `INSERT INTO post (source_id, external_id, platform, text, published_at, author_handle, conversation_id)
           VALUES ($1, $2, 'mastodon', $3, $4, $5, $6) RETURNING id::text`,
          [sourceId, key, text, at(minutes), extra.handle ?? key, extra.thread ? conversationId : null],
        )
      ).rows;
      ids[key] = id;
    };
    // Public mentions of the department, and what the classifier makes of each:
    await post('great', 'Department for Transport: the new trains are great', 1); // positive
    await post('love', 'I love the new cycle lanes, Department for Transport', 2); // positive
    await post('terrible', 'Department for Transport the delays are terrible', 3); // negative
    await post('timetable', 'Department for Transport timetable published today', 4); // neutral
    await post('rain', 'Department for Transport it looks like rain at the station', 5); // neutral: "like" is a preposition
    // Not counted: the department's own post (from its account), and a post that does not name it.
    await post('own', 'Department for Transport is proud of its great new trains', 6, { handle: 'dft' });
    await post('cheese', 'I love cheese', 7);
    // An engaged conversation (it does not name the department): two posts before its first reply, three after.
    await post('t-before-1', 'The bus was awful', 10, { thread: true }); // negative
    await post('t-before-2', 'The bus came at nine', 11, { thread: true }); // neutral
    await post('t-after-1', 'Thanks, that is really helpful', 40, { thread: true }); // positive
    await post('t-after-2', 'Brilliant, thank you', 45, { thread: true }); // positive
    await post('t-after-3', 'The bus came at ten', 50, { thread: true }); // neutral
    await parley.db.query(
      `INSERT INTO engagement (conversation_id, department_id, kind, occurred_at) VALUES ($1, $2, 'reply', $3)`,
      [conversationId, departmentId, at(30)],
    );
    policy = await person('policy', 'policy');
    comms = await person('comms', 'comms');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('classifies every post in the roll-up job, and a second run reads none again', async () => {
    const first = await rollUp.handle();
    // 5 mentions + the own post + the cheese post + 5 posts in the thread = 12.
    expect(first.classified).toBe(12);
    expect((await rollUp.handle()).classified).toBe(0);
    const rows = (
      await parley.db.query(
        `SELECT p.external_id, s.label FROM post_sentiment s JOIN post p ON p.id = s.post_id`,
      )
    ).rows as { external_id: string; label: string }[];
    const labels = Object.fromEntries(rows.map((r) => [r.external_id, r.label]));
    expect(labels).toMatchObject({
      great: 'positive',
      love: 'positive',
      terrible: 'negative',
      timetable: 'neutral',
      rain: 'neutral',
      't-before-1': 'negative',
      't-after-1': 'positive',
    });
  });

  it('computes net sentiment from the roll-up, leaving out the department’s own posts', async () => {
    const net = await netSentiment();
    // positive 2 (great, love), negative 1 (terrible), neutral 2 (timetable, rain): (2 − 1) ÷ 5 × 100 = 20.
    expect(net).toMatchObject({
      value: 20,
      n: 5,
      numerator: 1,
      denominator: 5,
      smallSample: true,
      excluded: 0,
    });
    expect(net.detail as NetSentimentDetail).toEqual({
      counts: { negative: 1, neutral: 2, positive: 2 },
      accuracy: null,
      classifier: 'vader-rules-1',
    });
  });

  it('gives policy officials a sample of unlabelled mentions, without the classifier’s reading', async () => {
    const { status, body } = await policy.get<SentimentSample>('/api/sentiment/sample?department=dft');
    expect(status).toBe(200);
    // The five public mentions, all in one hour: all five drawn, none of the own or unrelated posts.
    expect(body.items.map((p) => p.id).sort()).toEqual(
      [ids.great, ids.love, ids.terrible, ids.timetable, ids.rain].sort(),
    );
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'author',
      'id',
      'platform',
      'publishedAt',
      'text',
      'url',
    ]);
    expect((await comms.get('/api/sentiment/sample?department=dft')).status).toBe(403);
  });

  it('lets a label override the classifier in the counts, audited, and measures accuracy against the labels', async () => {
    const put = (postId: string, body: unknown, client = policy) =>
      client.request('PUT', `/api/sentiment/labels/${postId}?department=dft`, body);
    // The person agrees the delays post is negative, and reads the timetable post (classified neutral) as negative.
    expect((await put(ids.terrible, { label: 'negative' })).status).toBe(200);
    const labelled = await put(ids.timetable, { label: 'negative' });
    expect(labelled.status).toBe(200);
    // 1 of 2 labels agree with the classifier: accuracy 0.5. Wilson 95%, z² = 3.841459: centre = 0.5 + 3.841459/4
    // = 1.460365; spread = 1.959964 × √(0.25/2 + 3.841459/16) = 1.959964 × 0.604228 = 1.184265; ÷ (1 + 1.920730)
    // → low 0.094531, high 0.905469. People used one class (negative): its recall 1 of 2 → macro recall 0.5.
    const accuracy = (labelled.body as SentimentLabelResponse).accuracy!;
    expect(accuracy.n).toBe(2);
    expect(accuracy.accuracy).toBe(0.5);
    expect(accuracy.ciLow).toBeCloseTo(0.0945, 4);
    expect(accuracy.ciHigh).toBeCloseTo(0.9055, 4);
    expect(accuracy.macroRecall).toBe(0.5);

    const net = await netSentiment();
    // positive 2, negative 2 (terrible, timetable by the label), neutral 1 (rain): (2 − 2) ÷ 5 × 100 = 0.
    expect(net).toMatchObject({ value: 0, n: 5, numerator: 0, denominator: 5 });
    expect((net.detail as NetSentimentDetail).counts).toEqual({ negative: 2, neutral: 1, positive: 2 });
    expect((net.detail as NetSentimentDetail).accuracy).toEqual(accuracy);

    // A rerun of the roll-up recounts the hour and keeps the person's label.
    await parley.db.query(
      `UPDATE rollup_watermark SET counted_to = counted_to - interval '1 day' WHERE name = 'sentiment'`,
    );
    await rollUp.handle();
    expect((await netSentiment()).value).toBe(0);

    const audit = (
      await parley.db.query(
        `SELECT action, entity_id, before, after FROM audit_event WHERE action = 'sentiment.label' ORDER BY id`,
      )
    ).rows;
    expect(audit).toEqual([
      {
        action: 'sentiment.label',
        entity_id: ids.terrible,
        before: null,
        after: { label: 'negative', department: 'dft' },
      },
      {
        action: 'sentiment.label',
        entity_id: ids.timetable,
        before: null,
        after: { label: 'negative', department: 'dft' },
      },
    ]);
    // Labelled posts leave the sample: three are left.
    expect(
      (await policy.get<SentimentSample>('/api/sentiment/sample?department=dft')).body.items,
    ).toHaveLength(3);
  });

  it('refuses a bad label, a post that is not one of the department’s mentions, and a role that may not', async () => {
    const put = (postId: string, body: unknown, client = policy) =>
      client.request('PUT', `/api/sentiment/labels/${postId}?department=dft`, body);
    expect((await put(ids.rain, { label: 'happy' })).status).toBe(400);
    expect((await put(ids.own, { label: 'positive' })).status).toBe(404);
    expect((await put(ids.cheese, { label: 'positive' })).status).toBe(404);
    expect((await put('not-a-number', { label: 'positive' })).status).toBe(404);
    expect((await put(ids.rain, { label: 'positive' }, comms)).status).toBe(403);
    // Nothing was written by any of them.
    const labels = (await parley.db.query(`SELECT count(*)::int AS n FROM sentiment_label`)).rows[0].n;
    expect(labels).toBe(2);
  });

  it('computes sentiment_shift around the first reply, labelled as an association', async () => {
    const { body } = await policy.get<MetricsResponse>(`/api/metrics?department=dft&${window}&compare=none`);
    // Before the reply: negative 1, neutral 1 → (0 − 1) ÷ 2 × 100 = −50. In the 48 h after: positive 2, neutral 1
    // → (2 − 0) ÷ 3 × 100 = 66.667. Shift 66.667 − (−50) = 116.667; one conversation, so that is the median.
    expect(body.metrics.sentiment_shift.value).toBeCloseTo(350 / 3, 6);
    expect(body.metrics.sentiment_shift.n).toBe(1);
    expect(body.metrics.sentiment_shift.detail).toMatchObject({ label: 'association, not causation' });
  });

  it('charts net sentiment by day with counts by class', async () => {
    const { status, body } = await policy.get<{
      points: { value: number | null; n: number; breakdown?: Record<string, number> }[];
    }>(`/api/metrics/net_sentiment/series?department=dft&${window}&bucket=day`);
    expect(status).toBe(200);
    const withPosts = body.points.filter((p) => p.n > 0);
    expect(withPosts).toEqual([
      { ...withPosts[0], value: 0, n: 5, breakdown: { negative: 2, neutral: 1, positive: 2 } },
    ]);
  });
});
