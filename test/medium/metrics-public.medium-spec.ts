import type { MetricPostsPage, MetricsResponse, SeriesResponse } from '@parley/contracts';
import { createDataSource, MentionRollupRepository, SentimentRepository, ThemeRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { startApi, type Api } from './harness';

const HOUR = 3_600_000;
// November: London is on UTC, so London days are UTC days.
const T = new Date('2026-11-10T00:00:00Z'); // the end of the velocity scenario
const D = new Date('2026-11-20T00:00:00Z'); // the day of the reach, spam, own-post and drill-down scenario
const at = (base: Date, hours: number, minutes = 0) =>
  new Date(base.getTime() + hours * HOUR + minutes * 60_000);
const iso = (d: Date) => d.toISOString();

const workspace = (dfeAliases: string[]) => ({
  departments: [
    {
      key: 'dfe',
      name: 'Department for Education',
      aliases: dfeAliases,
      accounts: [{ platform: 'mastodon', handle: 'DfEgovuk' }],
    },
    { key: 'dwp', name: 'Department for Work and Pensions', aliases: ['DWP'] },
  ],
  sources: [
    { key: 'news', type: 'feed', url: 'https://news.example/feed.xml', interval: '1h', enabled: false },
  ],
  peers: [{ name: 'Ofsted', aliases: ['Office for Standards in Education'] }],
});

describe('public-data metrics: mentions, velocity, share of voice, reach, spam and the posts behind them', () => {
  let parley: Api;
  let dataSource: DataSource;
  let rollup: RollUpMentionsHandler;
  let dfe: string;
  let source: string;
  let nextPost = 0;

  const post = async (p: {
    text: string;
    at: Date;
    handle?: string;
    name?: string;
    followers?: number;
    platform?: string;
    own?: boolean;
  }) => {
    await parley.db.query(
      `INSERT INTO post (source_id, external_id, platform, text, published_at, author_handle, author_name, author_followers, by_department_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        source,
        `p${++nextPost}`,
        p.platform ?? 'mastodon',
        p.text,
        p.at,
        p.handle ?? null,
        p.name ?? null,
        p.followers ?? null,
        p.own ? dfe : null,
      ],
    );
  };
  /** `count` posts naming `text`, one per hour from `from` where `every(hour)` says so (SQL, for volume). */
  const hourlyPosts = async (text: string, from: Date, hours: number, perHour: (h: number) => number) => {
    for (let h = 0; h < hours; h++) {
      for (let i = 0; i < perHour(h); i++)
        await post({ text, at: at(from, h, 5 + i), handle: `person${h}-${i}` });
    }
  };

  const metrics = async (from: Date, to: Date, department = 'dfe') => {
    const { status, body } = await parley.admin.get<MetricsResponse>(
      `/api/metrics?department=${department}&from=${iso(from)}&to=${iso(to)}&compare=none`,
    );
    expect(status).toBe(200);
    return body.metrics;
  };
  const posts = (query: string) =>
    parley.admin.get<MetricPostsPage>(
      `/api/metrics/posts?department=dfe&from=${iso(D)}&to=${iso(at(D, 24))}${query}`,
    );

  beforeAll(async () => {
    parley = await startApi();
    dataSource = await createDataSource(parley.env.databaseUrl, { poolSize: 2 }).initialize();
    // The worker's handler, run here by hand so each step is deterministic (no worker races the test).
    rollup = new RollUpMentionsHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
      new ThemeRepository(),
    );
    expect((await parley.admin.request('PUT', '/api/workspace', workspace(['DfE']))).status).toBe(200);
    dfe = (await parley.db.query(`SELECT id FROM department WHERE key = 'dfe'`)).rows[0].id;
    source = (await parley.db.query(`SELECT id FROM source WHERE key = 'news'`)).rows[0].id;

    // Velocity. dfe: the 168 baseline hours before T − 24 h alternate 1, 0 (84 mentions, mean 0.5, σ 0.5, so
    // the threshold at k = 2 is 1.5); then 2 an hour for the last 24 h (mean 2 > 1.5: a spike).
    await hourlyPosts('The DfE again', at(T, -192), 168, (h) => (h % 2 === 0 ? 1 : 0));
    await hourlyPosts('Department for Education, hello', at(T, -24), 24, () => 2);
    // dwp: a thin baseline (1 in each of its first 20 hours: σ > 0 but 20 < 50 mentions), then 5 an hour.
    await hourlyPosts('DWP query', at(T, -192), 20, () => 1);
    await hourlyPosts('DWP query', at(T, -24), 24, () => 5);
    // Ofsted, the peer: 12 in the last 24 h.
    await hourlyPosts('Ofsted inspection', at(T, -24), 12, () => 1);

    // Day D for dfe: alice twice (100 followers), bob (50), dave on the web (30), a spam bot three times
    // (10,000), and the department's own two posts (marked, and from its account), which never count.
    await post({
      text: 'Thanks   DfE\n\nfor the help',
      at: at(D, 10, 5),
      handle: 'alice@example.social',
      name: 'Alice Example',
      followers: 100,
    });
    await post({ text: 'DfE answered me', at: at(D, 10, 20), handle: 'bob@example.social', followers: 50 });
    await post({
      text: 'DfE still good',
      at: at(D, 10, 40),
      handle: 'alice@example.social',
      name: 'Alice Example',
      followers: 100,
    });
    await post({
      text: 'Department for Education consultation',
      at: at(D, 11, 15),
      handle: 'dave',
      platform: 'web',
      followers: 30,
    });
    for (const minute of [1, 2, 3])
      await post({ text: 'Buy followers DfE', at: at(D, 10, minute), handle: 'SpamBot', followers: 10_000 });
    await post({ text: 'DfE here: new guidance', at: at(D, 9), handle: 'someone', own: true });
    await post({ text: 'Department for Education term dates', at: at(D, 9, 30), handle: 'DfEgovuk' });
    // Names dfe only once "Student Loans Company" is an alias.
    await post({ text: 'Student Loans Company is slow', at: at(D, 12, 10), handle: 'erin', followers: 40 });

    await rollup.handle();
  }, 240_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('counts mentions per hour and marks the spike of a busy day over a varied week', async () => {
    const hours = await parley.admin.get<SeriesResponse>(
      `/api/metrics/velocity/series?department=dfe&from=${iso(at(T, -3))}&to=${iso(T)}&bucket=hour`,
    );
    expect(hours.body.points.map((p) => p.value)).toEqual([2, 2, 2]);

    const days = await parley.admin.get<SeriesResponse>(
      `/api/metrics/velocity/series?department=dfe&from=${iso(at(T, -48))}&to=${iso(T)}&bucket=day`,
    );
    // The day before: baseline hours 144–167 (even ones 1) = 12, no spike; the last day: 24 × 2 = 48, a spike.
    expect(days.body.points.map((p) => [p.at, p.value, p.spike])).toEqual([
      [iso(at(T, -48)), 12, false],
      [iso(at(T, -24)), 48, true],
    ]);

    const velocity = (await metrics(at(T, -24), T)).velocity;
    expect(velocity.value).toBe(48);
    expect(velocity.detail).toMatchObject({
      recentMean: 2,
      baselineMean: 0.5,
      baselineSd: 0.5,
      baselineMentions: 84,
      threshold: 1.5,
      spike: true,
      suppressed: null,
      lastHourRatio: 1, // the last hour's 2 ÷ the mean of the 12 before (24 ÷ 12 = 2)
    });
  });

  it('suppresses a spike on a thin baseline, however busy the day', async () => {
    const velocity = (await metrics(at(T, -24), T, 'dwp')).velocity;
    // 24 × 5 = 120 mentions; the baseline held 20 (< 50).
    expect(velocity.value).toBe(120);
    expect(velocity.detail).toMatchObject({
      baselineMentions: 20,
      spike: false,
      suppressed: 'thin_baseline',
    });
  });

  it('works out share of voice against the other department and the peer organisation', async () => {
    const share = (await metrics(at(T, -24), T)).share_of_voice;
    // dfe 48, dwp 120, Ofsted 12: 48 ÷ 180 × 100 = 26.67 %.
    expect(share).toMatchObject({ numerator: 48, denominator: 180, n: 180, unit: 'percent' });
    expect(share.value).toBeCloseTo(26.667, 3);
    expect((share.detail as { comparisonSet: unknown[] }).comparisonSet).toEqual([
      {
        kind: 'department',
        name: 'Department for Work and Pensions',
        self: false,
        mentions: 120,
        share: (120 / 180) * 100,
      },
      {
        kind: 'department',
        name: 'Department for Education',
        self: true,
        mentions: 48,
        share: (48 / 180) * 100,
      },
      { kind: 'peer', name: 'Ofsted', self: false, mentions: 12, share: (12 / 180) * 100 },
    ]);
  });

  it('leaves out the department’s own posts and sums each author’s followers once', async () => {
    const day = await metrics(D, at(D, 24));
    // alice 2 + bob 1 + dave 1 + the bot 3 = 7; the two own posts and erin (no alias yet) are not mentions.
    expect(day.velocity).toMatchObject({ value: 7, excluded: 0 });
    // Whole day, from the author-day roll-up: alice 100 (once) + bob 50 + dave 30 + the bot 10,000 = 10,180.
    expect(day.potential_reach).toMatchObject({ value: 10_180, n: 4 });
    expect(day.potential_reach.detail).toMatchObject({ upperBound: true });
    // One hour (10:00–11:00), from the mentions themselves: alice 100 + bob 50 + the bot 10,000.
    expect((await metrics(at(D, 10), at(D, 11))).potential_reach).toMatchObject({ value: 10_150, n: 3 });
    // Three days around D: whole days again, the same four authors.
    expect((await metrics(at(D, -24), at(D, 48))).potential_reach).toMatchObject({ value: 10_180, n: 4 });
  });

  it('excludes a flagged spam author, reports how many posts it left out, and counts them again once unflagged', async () => {
    const flagged = await parley.admin.request('POST', '/api/departments/dfe/flagged-authors', {
      platform: 'mastodon',
      handle: 'spambot',
      kind: 'spam',
      reason: 'sells followers',
    });
    expect(flagged.status).toBe(201);
    await rollup.recount();
    const day = await metrics(D, at(D, 24));
    // 7 − the bot's 3 = 4 counted, 3 excluded; reach 10,180 − 10,000 = 180 over 3 authors.
    expect(day.velocity).toMatchObject({ value: 4, excluded: 3 });
    expect(day.share_of_voice).toMatchObject({ numerator: 4, denominator: 4, excluded: 3 });
    expect(day.potential_reach).toMatchObject({ value: 180, n: 3, excluded: 3 });
    const audit = await parley.db.query(
      `SELECT action FROM audit_event WHERE entity_type = 'flagged_author'`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['flagged_author.create']);

    const id = (flagged.body as { id: string }).id;
    expect((await parley.admin.request('DELETE', `/api/departments/dfe/flagged-authors/${id}`)).status).toBe(
      204,
    );
    await rollup.recount();
    expect((await metrics(D, at(D, 24))).velocity).toMatchObject({ value: 7, excluded: 0 });

    // Flagged again for the tests that follow.
    await parley.admin.request('POST', '/api/departments/dfe/flagged-authors', {
      platform: 'mastodon',
      handle: 'SpamBot',
      kind: 'bot',
      reason: 'posts every minute',
    });
    await rollup.recount();
    expect((await metrics(D, at(D, 24))).velocity).toMatchObject({ value: 4, excluded: 3 });
  });

  it('recounts the hours already counted when a department gains an alias', async () => {
    const applied = await parley.admin.request(
      'PUT',
      '/api/workspace',
      workspace(['DfE', 'Student Loans Company']),
    );
    expect(applied.body).toMatchObject({ recount: true, departments: { updated: ['dfe'] } });
    await rollup.recount();
    // 4 + erin's post = 5; reach 180 + erin's 40 = 220.
    const day = await metrics(D, at(D, 24));
    expect(day.velocity).toMatchObject({ value: 5, excluded: 3 });
    expect(day.potential_reach).toMatchObject({ value: 220, n: 4 });
    // Applying the same document again changes nothing and asks for no recount.
    const again = await parley.admin.request(
      'PUT',
      '/api/workspace',
      workspace(['DfE', 'Student Loans Company']),
    );
    expect((again.body as { recount?: boolean }).recount).toBeUndefined();
  });

  it('pages through the posts behind the count, newest first, with the total', async () => {
    const first = await posts('&limit=2');
    expect(first.status).toBe(200);
    // erin 12:10, dave 11:15 | alice 10:40, bob 10:20 | alice 10:05; the bot and the own posts never appear.
    expect(first.body.total).toBe(5);
    expect(first.body.items.map((p) => [p.author, p.publishedAt])).toEqual([
      ['erin', iso(at(D, 12, 10))],
      ['dave', iso(at(D, 11, 15))],
    ]);
    const second = await posts(`&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((p) => [p.author, p.publishedAt])).toEqual([
      ['Alice Example', iso(at(D, 10, 40))],
      ['bob@example.social', iso(at(D, 10, 20))],
    ]);
    const third = await posts(`&limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body).toMatchObject({ total: 5, nextCursor: null });
    expect(third.body.items).toEqual([
      expect.objectContaining({
        author: 'Alice Example',
        excerpt: 'Thanks DfE for the help',
        platform: 'mastodon',
      }),
    ]);

    const web = await posts('&platform=web');
    expect(web.body).toMatchObject({ total: 1, nextCursor: null });
    expect(web.body.items.map((p) => p.author)).toEqual(['dave']);

    // dfe has no themes here (metrics-drill-down.medium-spec.ts covers them): an unknown theme is not found.
    expect((await posts('&theme=loans')).status).toBe(404);
    expect((await posts('&cursor=nonsense')).status).toBe(400);
  });
});
