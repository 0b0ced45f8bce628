import { hourOf } from '@parley/domain';
import {
  createDataSource,
  MENTIONS_WATERMARK,
  MentionRollupRepository,
  SentimentRepository,
  ThemeRepository,
} from '@parley/db';
import { createTestDatabase } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMIT_LAG_MS, RollUpMentionsHandler } from './roll-up-mentions.handler';

const MINUTE = 60_000;
// Two whole UTC hours that ended before the test began, so every post in them is already "fetched".
const H1 = new Date(hourOf(new Date()).getTime() - 3 * 60 * MINUTE);
const H2 = new Date(H1.getTime() + 60 * MINUTE);
const at = (hour: Date, minute: number) => new Date(hour.getTime() + minute * MINUTE);

describe('RollUpMentionsHandler (real Postgres)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  const rollup = new MentionRollupRepository();
  let handler: RollUpMentionsHandler;
  const ids: Record<string, string> = {};
  let nextPost = 0;

  const post = async (p: {
    source: 'forum' | 'masto';
    text: string;
    publishedAt: Date;
    fetchedAt?: Date;
    by?: 'dfe';
    author?: string;
    deleted?: boolean;
  }) => {
    await dataSource.query(
      `INSERT INTO post (source_id, external_id, platform, text, published_at, fetched_at, by_department_id, deleted_at, author_handle)
       VALUES ($1, $2, $3, $4, $5, coalesce($6, now()), $7, CASE WHEN $8 THEN now() END, $9)`,
      [
        ids[p.source],
        `p${++nextPost}`,
        p.source === 'forum' ? 'web' : 'mastodon',
        p.text,
        p.publishedAt,
        p.fetchedAt ?? null,
        p.by ? ids[p.by] : null,
        p.deleted ?? false,
        p.author ?? null,
      ],
    );
  };

  /** Every bucket of a department, as sorted `hour source count` lines (H1/H2) to read against the scenario. */
  const buckets = async (department: 'dfe' | 'dwp') =>
    (await rollup.bySource(dataSource, ids[department], new Date(0), new Date(Date.now() + 86_400_000)))
      .map(
        (b) =>
          `${b.hour.getTime() === H1.getTime() ? 'H1' : b.hour.getTime() === H2.getTime() ? 'H2' : b.hour.toISOString()} ${b.sourceId === ids.forum ? 'forum' : 'masto'}/${b.platform} ${b.mentions}`,
      )
      .sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 4 }).initialize();
    handler = new RollUpMentionsHandler(dataSource, rollup, new SentimentRepository(), new ThemeRepository());
    const departments: { id: string; key: string }[] = await dataSource.query(
      `INSERT INTO department (key, name, aliases) VALUES
         ('dfe', 'Department for Education', ARRAY['DfE', 'Student Loans Company']),
         ('dwp', 'Department for Work and Pensions', ARRAY['DWP'])
       RETURNING id, key`,
    );
    for (const d of departments) ids[d.key] = d.id;
    await dataSource.query(
      `INSERT INTO department_account (department_id, platform, handle, site) VALUES
         ($1, 'web', 'DfE_Official', 'parents-forum.example'), ($2, 'mastodon', 'dwp@social.gov.uk', NULL)`,
      [ids.dfe, ids.dwp],
    );
    const sources: { id: string; key: string }[] = await dataSource.query(
      `INSERT INTO source (key, type, url, interval_ms) VALUES
         ('forum', 'feed', 'https://parents-forum.example/feed', 3600000),
         ('masto', 'mastodon', 'https://social.example', 3600000)
       RETURNING id, key`,
    );
    for (const s of sources) ids[s.key] = s.id;

    const fetched = (publishedAt: Date) => new Date(publishedAt.getTime() + MINUTE);
    const scenario = [
      // H1, forum: the name, an alias and a handle (which also contains the alias "DfE": one mention, not two).
      { source: 'forum', text: 'The Department for Education should fix this', publishedAt: at(H1, 5) },
      { source: 'forum', text: 'Is the Student Loans Company open today?', publishedAt: at(H1, 40) },
      { source: 'forum', text: 'Thanks @DfE_Official for the answer', publishedAt: at(H1, 50) },
      // The department's own posts name it and are not mentions: one marked by the tagger, one not yet marked.
      {
        source: 'forum',
        text: 'DfE here: Department for Education guidance',
        publishedAt: at(H1, 55),
        by: 'dfe',
      },
      {
        source: 'forum',
        text: 'Department for Education: term dates',
        publishedAt: at(H1, 56),
        author: 'DfE_Official',
      },
      // H1, Mastodon: one post naming both departments counts once for each.
      { source: 'masto', text: 'Both DfE and DWP are slow to answer', publishedAt: at(H1, 10) },
      // H2, Mastodon: DWP's handle; a post naming nobody.
      { source: 'masto', text: 'I asked dwp@social.gov.uk about my pension', publishedAt: at(H2, 20) },
      { source: 'masto', text: 'Nothing to do with any department', publishedAt: at(H2, 30) },
      // H2, forum: a deleted post is not counted.
      { source: 'forum', text: 'DfE again', publishedAt: at(H2, 45), deleted: true },
    ] as const;
    for (const p of scenario) await post({ ...p, fetchedAt: fetched(p.publishedAt) });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts each department’s mentions per hour and source, by name, alias or handle, never its own posts', async () => {
    await handler.handle();
    // By hand: dfe H1 forum = posts 1, 2, 3 (4 and 5 are its own); H1 Mastodon = post 6; H2 none (9 is deleted).
    expect(await buckets('dfe')).toEqual(['H1 forum/web 3', 'H1 masto/mastodon 1']);
    // dwp H1 Mastodon = post 6; H2 Mastodon = post 7 (its handle).
    expect(await buckets('dwp')).toEqual(['H1 masto/mastodon 1', 'H2 masto/mastodon 1']);
    expect(await rollup.hourly(dataSource, ids.dfe, H1, at(H2, 60))).toEqual([{ hour: H1, mentions: 4 }]);
  });

  it('gives the same counts when run again, and when two runs overlap', async () => {
    const before = [await buckets('dfe'), await buckets('dwp')];
    await handler.handle();
    expect([await buckets('dfe'), await buckets('dwp')]).toEqual(before);
    await Promise.all([handler.handle(), handler.handle()]);
    expect([await buckets('dfe'), await buckets('dwp')]).toEqual(before);
  });

  it('counts a post fetched late into the old hour it was published in', async () => {
    await post({ source: 'masto', text: 'Student Loans Company, still waiting', publishedAt: at(H1, 30) });
    await handler.handle();
    expect(await buckets('dfe')).toEqual(['H1 forum/web 3', 'H1 masto/mastodon 2']);
    expect(await buckets('dwp')).toEqual(['H1 masto/mastodon 1', 'H2 masto/mastodon 1']);
  });

  it('counts a post whose transaction committed after the watermark passed its fetch time', async () => {
    const [{ countedTo }]: { countedTo: Date }[] = await dataSource.query(
      `SELECT counted_to AS "countedTo" FROM rollup_watermark WHERE name = $1`,
      [MENTIONS_WATERMARK],
    );
    // Stamped before the watermark (its transaction began first) but only visible now.
    await post({
      source: 'forum',
      text: 'The Department for Work and Pensions wrote back',
      publishedAt: at(H2, 50),
      fetchedAt: new Date(countedTo.getTime() - COMMIT_LAG_MS / 2),
    });
    await handler.handle();
    expect(await buckets('dwp')).toEqual(['H1 masto/mastodon 1', 'H2 forum/web 1', 'H2 masto/mastodon 1']);
  });

  it('leaves the roll-up as it was when a run fails part-way', async () => {
    const before = await buckets('dfe');
    await post({ source: 'forum', text: 'DfE once more', publishedAt: at(H2, 10) });
    // A constraint refusing every new bucket makes the recount fail after its delete has run.
    await dataSource.query(`ALTER TABLE mention_hour ADD CONSTRAINT fail_now CHECK (mentions < 0) NOT VALID`);
    await expect(handler.handle()).rejects.toThrow(/fail_now/);
    await dataSource.query(`ALTER TABLE mention_hour DROP CONSTRAINT fail_now`);
    expect(await buckets('dfe')).toEqual(before);
    await handler.handle();
    expect(await buckets('dfe')).toEqual(['H1 forum/web 3', 'H1 masto/mastodon 2', 'H2 forum/web 1']);
  });
});
