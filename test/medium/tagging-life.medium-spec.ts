import type { ConversationDetail, ConversationItem, ConversationPage } from '@parley/contracts';
import { TaggingRepository } from '@parley/db';
import { TIME_SIGNALS_SETTLE_MS } from '@parley/tagging';
import { eventually, rssFeed, startFixtureServer, type FeedItem } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@parley/db';
import { BackfillService } from '../../apps/api/src/modules/tagging/backfill.service';
import { TimeSignalsService } from '../../apps/api/src/modules/tagging/time-signals.service';
import { startParley, type Parley } from './harness';

const HOUR = 3_600_000;
/** Whole seconds, as feeds carry them. */
const hoursAgo = (h: number) => new Date(Math.floor((Date.now() - h * HOUR) / 1000) * 1000);

const forumItems: FeedItem[] = [
  {
    guid: 'uc-1',
    title: 'Universal Credit payment date moved',
    description: 'My Universal Credit payment date changed this month. Is that normal?',
    author: 'Sam',
    pubDate: hoursAgo(2),
  },
  {
    guid: 'passport-1',
    title: 'Passport renewal taking ages',
    description: 'How long does a passport renewal take at the moment?',
    author: 'Alex',
    pubDate: hoursAgo(1),
  },
  {
    guid: 'pension-1',
    title: 'State pension age letter',
    description: 'I got a letter about my state pension age. What does it mean?',
    author: 'Jo',
    pubDate: hoursAgo(1),
  },
];

/** A post on the department's blog whose comments never mention what its rule listens for. */
const blogPostAt = hoursAgo(6);
const firstCommentAt = hoursAgo(5);
const replyAt = hoursAgo(3);
const rfc = (d: Date) => d.toUTCString();
const blog = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Education blog</title><link>https://educationhub.blog.gov.uk/</link>
<item><title>Exam results day: what to expect</title><link>https://educationhub.blog.gov.uk/2026/11/results/</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202</guid><dc:creator>Education team</dc:creator>
<pubDate>${rfc(blogPostAt)}</pubDate><description>Everything about results day.</description>
<wfw:commentRss>${base}/results/feed/</wfw:commentRss></item>
</channel></rss>`;
const comments = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Comments on: results</title>
<item><title>By: Priya</title><link>https://educationhub.blog.gov.uk/2026/11/results/#comment-1</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202#comment-1</guid><dc:creator>Priya</dc:creator>
<pubDate>${rfc(firstCommentAt)}</pubDate><description>Can my son appeal a grade after results day?</description></item>
<item><title>By: DfE Press Office</title><link>https://educationhub.blog.gov.uk/2026/11/results/#comment-2</link>
<guid isPermaLink="false">https://educationhub.blog.gov.uk/?p=202#comment-2</guid><dc:creator>DfE Press Office</dc:creator>
<pubDate>${rfc(replyAt)}</pubDate><description>Yes: his school can ask for a review.</description></item>
</channel></rss>`;

describe('tagging that stays true', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  const inbox = async (department: string): Promise<ConversationItem[]> =>
    (await parley.admin.get<ConversationPage>(`/api/conversations?department=${department}`)).body.items;
  const waitForInbox = (department: string, count = 1) =>
    eventually(async () => {
      const items = await inbox(department);
      return items.length >= count && items;
    });
  const opportunityOf = async (department: string) =>
    (
      await parley.db.query(
        `SELECT o.retired_at AS "retiredAt", o.retired_reason AS "retiredReason", o.rules, o.status
         FROM opportunity o JOIN department d ON d.id = o.department_id WHERE d.key = $1`,
        [department],
      )
    ).rows as {
      retiredAt: Date | null;
      retiredReason: string | null;
      rules: { key: string }[];
      status: string;
    }[];

  /** The rule change's re-tagging has finished, and with it the tagging of what it queued. */
  const retagged = async (saved: { body: unknown }) => {
    const { backfill } = saved.body as { backfill: string };
    await eventually(
      async () =>
        (await parley.admin.get<{ state: string }>(`/api/backfills/${backfill}`)).body.state === 'completed',
      10_000,
    );
    await eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT count(*)::int AS n FROM conversation WHERE content_version > tagged_version`,
      );
      return (rows[0] as { n: number }).n === 0;
    }, 10_000);
  };

  beforeAll(async () => {
    server = await startFixtureServer({
      '/forum.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Forum', forumItems));
      },
      '/blog.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(blog(server.url('')));
      },
      '/results/feed/': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(comments);
      },
    });
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          rules: [{ key: 'uc', name: 'Universal Credit', query: 'universal credit' }],
        },
        {
          key: 'hmpo',
          name: 'HM Passport Office',
          rules: [{ key: 'passports', name: 'Passports', query: 'passport' }],
        },
        {
          key: 'pensions',
          name: 'Pensions team',
          rules: [{ key: 'state-pension', name: 'State pension', query: '"state pension"' }],
        },
        {
          key: 'dfe',
          name: 'Department for Education',
          accounts: [
            { platform: 'web', handle: 'Education team', site: 'educationhub.blog.gov.uk' },
            { platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' },
          ],
          rules: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
      sources: [
        { key: 'forum', type: 'feed', url: server.url('/forum.xml'), interval: '1h' },
        { key: 'edu-blog', type: 'feed', url: server.url('/blog.xml'), interval: '1h', department: 'dfe' },
      ],
    });
    expect(applied.status).toBe(200);
    await Promise.all(['dwp', 'hmpo', 'pensions'].map((d) => waitForInbox(d)));
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  it('retires the opportunity when the department disables its only rule, however old the conversation', async () => {
    // Older than the 30-day re-tagging window: only its opportunity says it needs re-tagging.
    await parley.db.query(
      `UPDATE conversation SET last_activity_at = now() - interval '40 days'
       WHERE id IN (SELECT conversation_id FROM opportunity o JOIN department d ON d.id = o.department_id WHERE d.key = 'dwp')`,
    );
    const saved = await parley.admin.request('PUT', '/api/rules/dwp/uc', {
      name: 'Universal Credit',
      query: 'universal credit',
      enabled: false,
      reason: 'moved to another team',
      expectedVersion: 1,
    });
    expect(saved.status).toBe(200);
    await eventually(async () => (await inbox('dwp')).length === 0, 10_000);
    const [kept] = await opportunityOf('dwp');
    expect(kept.retiredAt).not.toBeNull();
    expect(kept.retiredReason).toMatch(/"uc".*no longer enabled/);
    expect(kept.rules.map((r) => r.key)).toEqual(['uc']);
  });

  it('retires the opportunity when the workspace document disables the rule', async () => {
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'hmpo',
          name: 'HM Passport Office',
          rules: [{ key: 'passports', name: 'Passports', query: 'passport', enabled: false }],
        },
      ],
    });
    expect(applied.status).toBe(200);
    await eventually(async () => (await inbox('hmpo')).length === 0, 10_000);
    const [kept] = await opportunityOf('hmpo');
    expect(kept.retiredReason).toMatch(/"passports".*no longer enabled/);
  });

  it('retires the opportunity when a changed rule no longer matches, and restores it when it matches again', async () => {
    const change = (query: string, expectedVersion: number) =>
      parley.admin.request('PUT', '/api/rules/pensions/state-pension', {
        name: 'State pension',
        query,
        reason: 'narrowing',
        expectedVersion,
      });
    expect((await change('"pension credit"', 1)).status).toBe(200);
    await eventually(async () => (await inbox('pensions')).length === 0, 10_000);
    expect((await opportunityOf('pensions'))[0].retiredReason).toMatch(/"state-pension" no longer matches/);

    expect((await change('"state pension"', 2)).status).toBe(200);
    await waitForInbox('pensions');
    expect((await opportunityOf('pensions'))[0]).toMatchObject({
      retiredAt: null,
      retiredReason: null,
      status: 'new',
    });
    const { rows } = await parley.db.query(
      `SELECT e.kind, e.from_status AS "from", e.to_status AS "to" FROM opportunity_event e
       JOIN department d ON d.id = e.department_id WHERE d.key = 'pensions' ORDER BY e.id`,
    );
    expect(rows).toEqual([
      { kind: 'retired', from: 'new', to: 'retired' },
      { kind: 'revived', from: 'retired', to: 'new' },
    ]);
  });

  it('retires only untouched opportunities: one someone is drafting stays in the inbox', async () => {
    await parley.db.query(
      `UPDATE opportunity SET status = 'drafting' WHERE department_id = (SELECT id FROM department WHERE key = 'pensions')`,
    );
    const saved = await parley.admin.request('PUT', '/api/rules/pensions/state-pension', {
      name: 'State pension',
      query: '"pension credit"',
      reason: 'narrowing again',
      expectedVersion: 3,
    });
    expect(saved.status).toBe(200);
    await retagged(saved);
    expect((await opportunityOf('pensions'))[0]).toMatchObject({ retiredAt: null, status: 'drafting' });
    expect(await inbox('pensions')).toHaveLength(1);
    const restored = await parley.admin.request('PUT', '/api/rules/pensions/state-pension', {
      name: 'State pension',
      query: '"state pension"',
      reason: 'as it was',
      expectedVersion: 4,
    });
    await retagged(restored);
  });

  it('says how old the thread is now, not when it was tagged', async () => {
    const [fresh] = await waitForInbox('pensions');
    const recency = (item: ConversationItem) => item.tags[0].signals.find((s) => s.kind === 'recency');
    expect(recency(fresh)?.detail).toMatch(/^last public post /);
    // Three days pass: the posts' stored times move back, nothing is re-tagged.
    await parley.db.query(
      `UPDATE post SET published_at = published_at - interval '3 days' WHERE conversation_id = $1`,
      [fresh.id],
    );
    const [later] = await inbox('pensions');
    expect(recency(later)?.detail).toBe('quiet for 3 days');
    // Recency went from +10 (within 6 h) to −5 (older than 48 h).
    expect(later.tags[0].score).toBe(fresh.tags[0].score - 15);
  });

  it('re-scores stored opportunities as time passes, so the inbox order and threshold follow', async () => {
    const [item] = await inbox('pensions');
    const stored = async () =>
      (await parley.db.query(`SELECT score FROM opportunity WHERE conversation_id = $1`, [item.id])).rows[0]
        .score as number;
    const before = await stored();
    // The same three days, as the stored clocks see them.
    await parley.db.query(
      `UPDATE conversation SET last_activity_at = last_activity_at - interval '3 days' WHERE id = $1`,
      [item.id],
    );
    await parley.db.query(
      `UPDATE opportunity SET signals_at = signals_at - interval '3 days' WHERE conversation_id = $1`,
      [item.id],
    );
    expect(await parley.api.get(TimeSignalsService).refresh()).toBeGreaterThanOrEqual(1);
    expect(await stored()).toBe(before - 15);
    expect(await stored()).toBe(item.tags[0].score);
    // Settled: nothing changes until someone posts, so the next refresh leaves it alone.
    expect(await parley.api.get(TimeSignalsService).refresh()).toBe(0);
  });

  it('never lets a re-score overwrite a tagging newer than what it read', async () => {
    const [item] = await inbox('pensions');
    await parley.db.query(
      `UPDATE opportunity SET signals_at = signals_at - interval '3 days' WHERE conversation_id = $1`,
      [item.id],
    );
    const repository = new TaggingRepository();
    const dataSource = parley.api.get<DataSource>(DATA_SOURCE);
    const now = new Date();
    const window = { before: now, settleMs: TIME_SIGNALS_SETTLE_MS, horizon: new Date(0) };
    const [read] = (await repository.staleSignals(dataSource, window, 10)).filter(
      (o) => o.conversationId === item.id,
    );
    // Tagged again meanwhile (say a new post arrived), with a different score.
    await parley.db.query(
      `UPDATE opportunity SET score = 99, tagged_at = clock_timestamp() WHERE conversation_id = $1`,
      [item.id],
    );
    await repository.rescore(
      dataSource,
      [{ id: read.id, taggedAt: read.taggedAt, score: 1, signals: [] }],
      now,
    );
    const { rows } = await parley.db.query(`SELECT score FROM opportunity WHERE conversation_id = $1`, [
      item.id,
    ]);
    expect(rows[0].score).toBe(99);
  });

  it('re-tags only the conversations that were there when the re-tagging began: newer ones were tagged by the new rules', async () => {
    const versions = async () =>
      new Map(
        (
          await parley.db.query(`SELECT root_external_id AS root, content_version AS v FROM conversation`)
        ).rows.map((r: { root: string; v: number }) => [r.root, r.v]),
      );
    const before = await versions();
    let arrived = false;
    // A conversation ingested while the re-tagging runs (as on a busy firehose right after a rule change).
    await parley.api.get(BackfillService).run(new Date(0), async () => {
      if (arrived) return;
      arrived = true;
      await parley.db.query(
        `INSERT INTO conversation (source_id, root_external_id, title, started_at, last_activity_at)
         SELECT id, 'late-arrival', 'Arrived during the re-tagging', now(), now() FROM source WHERE key = 'forum'`,
      );
    });
    const after = await versions();
    expect(after.get('late-arrival')).toBe(1);
    for (const [root, version] of before) expect(after.get(root)).toBe(version + 1);
  });

  it('puts a thread the department started in its inbox once the public replies, timed from the first reply', async () => {
    const [item] = await eventually(async () => {
      const items = await inbox('dfe');
      return items[0]?.engagement ? items : false;
    });
    expect(item.title).toBe('Exam results day: what to expect');
    const [tag] = item.tags;
    expect(tag.rules).toEqual([]);
    expect(tag.signals.find((s) => s.kind === 'own-thread')?.detail).toBe(
      'a public reply to a post by Department for Education',
    );
    expect(tag.firstPublicPostAt).toBe(firstCommentAt.toISOString());
    expect(item.engagement).toMatchObject({
      department: 'dfe',
      firstResponseSeconds: Math.round((replyAt.getTime() - firstCommentAt.getTime()) / 1000),
    });
    const detail = (await parley.admin.get<ConversationDetail>(`/api/conversations/${item.id}`)).body;
    expect(detail.posts.map((p) => p.byDepartment)).toEqual(['dfe', null, 'dfe']);
  });
});
