import type { MetricPostsPage, MetricsResponse, ThemesResponse } from '@parley/contracts';
import { createDataSource, MentionRollupRepository, SentimentRepository, ThemeRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { startApi, type Api } from './harness';

// November: London is on UTC, so the day D is one London day.
const D = new Date('2026-11-20T00:00:00Z');
const at = (hours: number, minutes = 0) => new Date(D.getTime() + (hours * 60 + minutes) * 60_000);
const iso = (d: Date) => d.toISOString();
const DAY = `from=${iso(D)}&to=${iso(at(24))}`;

/**
 * One day of dfe, every post through the real roll-up jobs (mentions, the classifier's sentiment, themes):
 *
 * | post | time  | author   | names dfe | in the exam-appeals conversation | classifier           |
 * |------|-------|----------|-----------|----------------------------------|----------------------|
 * | a1   | 10:00 | ann      | yes       | yes                              | negative             |
 * | a2   | 10:10 | ben      | no        | yes                              | positive             |
 * | a3   | 10:20 | cat      | no        | yes                              | negative             |
 * | s1   | 10:30 | SpamBot  | yes       | yes                              | positive             |
 * | a5   | 10:40 | dan      | no        | yes (fits no theme)              | —                    |
 * | m1   | 11:00 | eve      | yes       | no                               | positive             |
 * | m2   | 11:30 | fay      | yes       | no                               | neutral              |
 * | m3   | 12:00 | gus      | yes       | no                               | negative, labelled positive by a person |
 * | s2   | 13:00 | SpamBot  | yes       | no                               | positive             |
 *
 * Mentions: a1, s1, m1, m2, m3, s2 (6). On topic: a1, a2, a3, s1, a5 (5); in the theme: a1, a2, a3, s1 (4).
 */
describe('the posts behind a chart by theme and sentiment, and flagged authors left out of sentiment and themes', () => {
  let parley: Api;
  let dataSource: DataSource;
  let mentions: RollUpMentionsHandler;
  let themeId: string;
  const ids: Record<string, string> = {};

  const post = async (key: string, p: { text: string; at: Date; handle: string; conversation?: string }) => {
    const { rows } = await parley.db.query<{ id: string }>(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, author_handle)
       SELECT id, $1, $2, 'mastodon', $3, $4, $5 FROM source WHERE key = 'news' RETURNING id::text`,
      [key, p.conversation ?? null, p.text, p.at, p.handle],
    );
    ids[key] = rows[0].id;
  };
  const posts = (query: string, department = 'dfe') =>
    parley.admin.get<MetricPostsPage>(`/api/metrics/posts?department=${department}&${DAY}${query}`);
  const keysOf = (page: MetricPostsPage) =>
    page.items.map((p) => Object.entries(ids).find(([, id]) => id === p.id)![0]);
  const metrics = async () => {
    const { status, body } = await parley.admin.get<MetricsResponse>(
      `/api/metrics?department=dfe&${DAY}&compare=none`,
    );
    expect(status).toBe(200);
    return body.metrics;
  };

  beforeAll(async () => {
    parley = await startApi();
    dataSource = await createDataSource(parley.env.databaseUrl, { poolSize: 2 }).initialize();
    mentions = new RollUpMentionsHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
      new ThemeRepository(),
    );
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dfe', name: 'Department for Education', aliases: ['DfE'] },
        { key: 'dwp', name: 'Department for Work and Pensions', aliases: ['DWP'] },
      ],
      sources: [
        { key: 'news', type: 'feed', url: 'https://news.example/feed.xml', interval: '1h', enabled: false },
      ],
    });
    expect(applied.status).toBe(200);
    const { rows } = await parley.db.query<{ id: string }>(
      `INSERT INTO conversation (source_id, root_external_id, tagged_version)
       SELECT id, 'exam-appeals', 1 FROM source WHERE key = 'news' RETURNING id::text`,
    );
    const conversation = rows[0].id;
    await post('a1', {
      text: 'DfE exam appeals are a shambles, terrible and awful',
      at: at(10),
      handle: 'ann',
      conversation,
    });
    await post('a2', {
      text: 'Exam appeals deadline is great news, thank you',
      at: at(10, 10),
      handle: 'ben',
      conversation,
    });
    await post('a3', {
      text: 'Exam appeals form is confusing and bad',
      at: at(10, 20),
      handle: 'cat',
      conversation,
    });
    await post('s1', {
      text: 'DfE exam appeals are amazing, the best ever, love it',
      at: at(10, 30),
      handle: 'SpamBot',
      conversation,
    });
    await post('a5', { text: 'Ok then', at: at(10, 40), handle: 'dan', conversation });
    await post('m1', { text: 'DfE is wonderful, love it', at: at(11), handle: 'eve' });
    await post('m2', { text: 'DfE published a report today', at: at(11, 30), handle: 'fay' });
    await post('m3', { text: 'DfE is awful', at: at(12), handle: 'gus' });
    await post('s2', { text: 'DfE is brilliant and wonderful', at: at(13), handle: 'SpamBot' });
    await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
       SELECT $1, id, 50, 'public-info', 'a question' FROM department WHERE key = 'dfe'`,
      [conversation],
    );

    await mentions.handle();
    await new RollUpSentimentHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
    ).handle();
    await new RollUpThemesHandler(dataSource, new ThemeRepository()).handle();
    // A person reads m3 as positive: the label, not the classifier, is its class in dfe.
    const labelled = await parley.admin.request('PUT', `/api/sentiment/labels/${ids.m3}?department=dfe`, {
      label: 'positive',
    });
    expect(labelled.status).toBe(200);

    const themes = await parley.admin.get<ThemesResponse>(`/api/themes?department=dfe&${DAY}`);
    expect(themes.body.themes.map((t) => [t.label, t.mentions])).toEqual([['Exam appeals', 4]]);
    themeId = themes.body.themes[0].id;
  }, 180_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('lists a theme’s posts (on topic, not only mentions) newest first across pages, with the total', async () => {
    const first = await posts(`&theme=${themeId}&limit=2`);
    expect(first.status).toBe(200);
    // s1 10:30, a3 10:20 | a2 10:10, a1 10:00; a5 is on topic but in no theme, m1–m3 and s2 are in none.
    expect(first.body.total).toBe(4);
    expect(keysOf(first.body)).toEqual(['s1', 'a3']);
    expect(first.body.items.map((p) => [p.theme, p.sentiment])).toEqual([
      ['Exam appeals', 'positive'],
      ['Exam appeals', 'negative'],
    ]);
    const second = await posts(`&theme=${themeId}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ total: 4, nextCursor: null });
    expect(keysOf(second.body)).toEqual(['a2', 'a1']);

    // Theme and sentiment together: the negative ones are a3 and a1.
    const negative = await posts(`&theme=${themeId}&sentiment=negative`);
    expect(negative.body.total).toBe(2);
    expect(keysOf(negative.body)).toEqual(['a3', 'a1']);
  });

  it('narrows the mentions to a sentiment, a person’s label first, and fills each post’s theme and sentiment', async () => {
    // Positive mentions: s2 13:00, m3 12:00 (the person's label), m1 11:00, s1 10:30.
    const positive = await posts('&sentiment=positive');
    expect(positive.body.total).toBe(4);
    expect(keysOf(positive.body)).toEqual(['s2', 'm3', 'm1', 's1']);
    expect(positive.body.items.map((p) => p.sentiment)).toEqual([
      'positive',
      'positive',
      'positive',
      'positive',
    ]);
    // Negative: only a1 (m3 was relabelled), which is in the theme; neutral: m2, in no theme.
    const negative = await posts('&sentiment=negative');
    expect(negative.body.items.map((p) => [p.id, p.sentiment, p.theme])).toEqual([
      [ids.a1, 'negative', 'Exam appeals'],
    ]);
    const neutral = await posts('&sentiment=neutral');
    expect(neutral.body.items.map((p) => [p.id, p.sentiment, p.theme])).toEqual([[ids.m2, 'neutral', null]]);
    // Every mention, unfiltered: 6.
    expect((await posts('')).body.total).toBe(6);
  });

  it('answers 404 for a theme of another department or no theme at all, 400 for an unknown sentiment', async () => {
    const other = await posts(`&theme=${themeId}`, 'dwp');
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).toContain('no theme');
    expect((await posts('&theme=nonsense')).status).toBe(404);
    expect((await posts('&sentiment=angry')).status).toBe(400);
  });

  it('leaves a flagged author out of net sentiment, themes and the posts behind them, and counts them again once unflagged', async () => {
    // Before: positive s1, m1, m3 (label), s2 = 4; negative a1 = 1; neutral m2 = 1: (4 − 1) ÷ 6 = 50%.
    // Theme share: 4 in the theme ÷ 5 on topic = 80%.
    const before = await metrics();
    expect(before.net_sentiment).toMatchObject({ value: 50, n: 6, excluded: 0 });
    expect(before.theme_share).toMatchObject({ value: 80, n: 5, excluded: 0 });

    const flagged = await parley.admin.request('POST', '/api/departments/dfe/flagged-authors', {
      platform: 'mastodon',
      handle: 'spambot',
      kind: 'spam',
      reason: 'Sells followers',
    });
    expect(flagged.status).toBe(201);
    // One recount, for the hours SpamBot posted in (10:00 and 13:00), rewrites every roll-up of them.
    await mentions.recount();

    // Without s1 and s2: positive m1, m3 = 2; negative a1; neutral m2: (2 − 1) ÷ 4 = 25%, 2 left out.
    // Theme: a1, a2, a3 = 3 ÷ 4 on topic (a5 still counts) = 75%, s1 left out.
    const during = await metrics();
    expect(during.net_sentiment).toMatchObject({
      value: 25,
      n: 4,
      numerator: 1,
      denominator: 4,
      excluded: 2,
    });
    expect(during.theme_share).toMatchObject({ value: 75, n: 4, numerator: 3, excluded: 1 });
    expect(keysOf((await posts('&sentiment=positive')).body)).toEqual(['m3', 'm1']);
    const theme = await posts(`&theme=${themeId}`);
    expect(theme.body.total).toBe(3);
    expect(keysOf(theme.body)).toEqual(['a3', 'a2', 'a1']);

    const id = (flagged.body as { id: string }).id;
    expect((await parley.admin.request('DELETE', `/api/departments/dfe/flagged-authors/${id}`)).status).toBe(
      204,
    );
    await mentions.recount();
    const after = await metrics();
    expect(after.net_sentiment).toMatchObject({ value: 50, n: 6, excluded: 0 });
    expect(after.theme_share).toMatchObject({ value: 80, n: 5, excluded: 0 });
    expect((await posts(`&theme=${themeId}`)).body.total).toBe(4);
  });
});
