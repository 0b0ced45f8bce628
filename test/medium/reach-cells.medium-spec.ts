import type { MetricsResponse } from '@parley/contracts';
import { createDataSource, MentionRollupRepository, SentimentRepository, ThemeRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { startApi, type Api } from './harness';

/**
 * Potential reach read from the day cells and year bridges (migration 1796494000000): exact over the turn of a
 * year, over London days in summer, and after a flag takes an author out and puts them back. In winter London days
 * are UTC days: 2026 day 363 is 30 December, 364 is 31 December; 2027 day 0 is 1 January.
 */
describe('potential reach from the day cells: across a new year, on London days, after a flag', () => {
  let parley: Api;
  let dataSource: DataSource;
  let rollup: RollUpMentionsHandler;
  let source: string;
  let nextPost = 0;

  const post = (handle: string, at: string, followers: number) =>
    parley.db.query(
      `INSERT INTO post (source_id, external_id, platform, text, published_at, author_handle, author_followers)
       VALUES ($1, $2, 'mastodon', 'A word for the DfE', $3, $4, $5)`,
      [source, `p${++nextPost}`, at, handle, followers],
    );
  const reach = async (from: string, to: string) => {
    const { status, body } = await parley.admin.get<MetricsResponse>(
      `/api/metrics?department=dfe&from=${from}&to=${to}&compare=none`,
    );
    expect(status).toBe(200);
    const { value, n, excluded, detail } = body.metrics.potential_reach;
    return {
      value,
      n,
      excluded,
      without: (detail as { authorsWithoutFollowerCount: number }).authorsWithoutFollowerCount,
    };
  };

  beforeAll(async () => {
    parley = await startApi();
    dataSource = await createDataSource(parley.env.databaseUrl, { poolSize: 2 }).initialize();
    rollup = new RollUpMentionsHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
      new ThemeRepository(),
    );
    const workspace = {
      departments: [{ key: 'dfe', name: 'Department for Education', aliases: ['DfE'] }],
      sources: [
        { key: 'news', type: 'feed', url: 'https://news.example/feed.xml', interval: '1h', enabled: false },
      ],
    };
    expect((await parley.admin.request('PUT', '/api/workspace', workspace)).status).toBe(200);
    source = (await parley.db.query(`SELECT id FROM source WHERE key = 'news'`)).rows[0].id;
    // ann: 30 Dec (100 followers) and 2 Jan (300). ben: 31 Dec (50). cat: 1 and 3 Jan (no followers).
    // eve: 30 Dec 16:00 (500) and 1 Jan (20). bot: 30 Dec 15:00 (1,000) and 2 Jan 15:00 (2,000).
    await post('ann', '2026-12-30T12:00:00Z', 100);
    await post('ann', '2027-01-02T12:00:00Z', 300);
    await post('ben', '2026-12-31T12:00:00Z', 50);
    await post('cat', '2027-01-01T12:00:00Z', 0);
    await post('cat', '2027-01-03T12:00:00Z', 0);
    await post('eve', '2026-12-30T16:00:00Z', 500);
    await post('eve', '2027-01-01T10:00:00Z', 20);
    await post('bot', '2026-12-30T15:00:00Z', 1000);
    await post('bot', '2027-01-02T15:00:00Z', 2000);
    // dan in summer: 1 July 12:00 UTC is London's 1 July; 1 July 23:30 UTC is already London's 2 July (BST).
    await post('dan', '2026-07-01T12:00:00Z', 70);
    await post('dan', '2026-07-01T23:30:00Z', 80);
    await rollup.handle();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('counts an author with days in both years once, at the larger follower count', async () => {
    // 30 Dec to 3 Jan, whole days in both years: ann max(100, 300) = 300, ben 50, cat 0, eve max(500, 20) = 500,
    // bot max(1,000, 2,000) = 2,000: 5 authors, 300 + 50 + 0 + 500 + 2,000 = 2,850, one without followers (cat).
    expect(await reach('2026-12-30', '2027-01-04')).toEqual({ value: 2850, n: 5, excluded: 0, without: 1 });
    // 31 Dec and 1 Jan: ben 50, cat 0, eve's 1 January at 20 (her 30 December is outside): 3 authors, 70.
    // ann (30 Dec and 2 Jan) is outside both days and is not taken away twice.
    expect(await reach('2026-12-31', '2027-01-02')).toEqual({ value: 70, n: 3, excluded: 0, without: 1 });
  });

  it('adds the partial days at the edges without counting anyone twice', async () => {
    // 30 Dec 14:00 to 2 Jan 13:00. Whole days 31 Dec and 1 Jan: ben 50, cat 0, eve 20. Start edge (30 Dec from
    // 14:00): bot 15:00 (new, its 2026 count 1,000) and eve 16:00 (already counted at 20; her 2026 count 500 is
    // larger, so +480). End edge (2 Jan to 13:00): ann 12:00 (new, 300); bot's 15:00 is after the end.
    // 5 authors: 50 + 0 + 500 + 1,000 + 300 = 1,850.
    expect(await reach('2026-12-30T14:00:00Z', '2027-01-02T13:00:00Z')).toEqual({
      value: 1850,
      n: 5,
      excluded: 0,
      without: 1,
    });
  });

  it('reads London days in summer', async () => {
    // London's 1 July is 30 June 23:00 to 1 July 23:00 UTC: dan's first post, at his 2026 count max(70, 80) = 80.
    expect(await reach('2026-06-30T23:00:00Z', '2026-07-01T23:00:00Z')).toMatchObject({ value: 80, n: 1 });
    // London's 2 July holds his 23:30 UTC post; both days together still count him once.
    expect(await reach('2026-07-01T23:00:00Z', '2026-07-02T23:00:00Z')).toMatchObject({ value: 80, n: 1 });
    expect(await reach('2026-06-30T23:00:00Z', '2026-07-02T23:00:00Z')).toMatchObject({ value: 80, n: 1 });
    // London's 3 July: nobody.
    expect(await reach('2026-07-02T23:00:00Z', '2026-07-03T23:00:00Z')).toMatchObject({ value: 0, n: 0 });
  });

  it('takes a flagged author out of both years and puts them back once unflagged', async () => {
    const flagged = await parley.admin.request('POST', '/api/departments/dfe/flagged-authors', {
      platform: 'mastodon',
      handle: 'bot',
      kind: 'bot',
      reason: 'posts the same thing',
    });
    expect(flagged.status).toBe(201);
    await rollup.recount();
    // 2,850 − the bot's 2,000 = 850 over 4 authors; its 2 posts in the window are reported as left out.
    expect(await reach('2026-12-30', '2027-01-04')).toEqual({ value: 850, n: 4, excluded: 2, without: 1 });
    // The edge window: 1,850 − its 1,000 = 850 over 4 authors (eve's 500 now comes from the edge alone).
    expect(await reach('2026-12-30T14:00:00Z', '2027-01-02T13:00:00Z')).toMatchObject({ value: 850, n: 4 });

    const id = (flagged.body as { id: string }).id;
    expect((await parley.admin.request('DELETE', `/api/departments/dfe/flagged-authors/${id}`)).status).toBe(
      204,
    );
    await rollup.recount();
    expect(await reach('2026-12-30', '2027-01-04')).toEqual({ value: 2850, n: 5, excluded: 0, without: 1 });
    // Nothing left behind: every cell and bridge holds someone.
    const empty = await parley.db.query(
      `SELECT (SELECT count(*) FROM mention_reach_cell WHERE authors <= 0)::int
         + (SELECT count(*) FROM mention_reach_bridge WHERE authors <= 0)::int AS n`,
    );
    expect(empty.rows[0].n).toBe(0);
  });
});
