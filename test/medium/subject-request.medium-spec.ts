import type { MetricsResponse, SubjectExport, SubjectRequest } from '@parley/contracts';
import { createDataSource, MentionRollupRepository, SentimentRepository, ThemeRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { startApi, type Api } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const workspace = (aliases: string[]) => ({
  departments: [{ key: 'dft', name: 'Department for Transport', aliases }],
  sources: [
    { key: 'forum', type: 'feed', url: 'https://forum.example/feed.xml', interval: '1h', enabled: false },
    { key: 'social', type: 'mastodon', url: 'https://social.example', interval: '1h', enabled: false },
  ],
});

describe('a subject request finds one author across two sources and erases them, and the figures stay', () => {
  let parley: Api;
  let dataSource: DataSource;
  let rollUps: () => Promise<void>;
  let recount: () => Promise<unknown>;
  let request: SubjectRequest;
  let next = 0;

  const post = async (
    source: string,
    platform: string,
    handle: string,
    text: string,
    daysAgo: number,
    conversation: string | null = null,
  ) => {
    await parley.db.query(
      `INSERT INTO post (source_id, external_id, platform, text, url, published_at, fetched_at, author_handle,
         author_name, author_profile_url, author_followers, conversation_id)
       SELECT s.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM source s WHERE s.key = $1`,
      [
        source,
        `p${++next}`,
        platform,
        text,
        `https://${source}.example/p${next}`,
        ago(daysAgo * DAY),
        ago(3 * HOUR),
        handle,
        handle === 'sam' || handle === 'Sam' ? 'Sam Jones' : `${handle} name`,
        `https://${source}.example/@${handle}`,
        handle.length * 10,
        conversation,
      ],
    );
  };
  const metrics = async () => {
    const { status, body } = await parley.admin.get<MetricsResponse>(
      `/api/metrics?department=dft&from=${ago(30 * DAY).toISOString()}&to=${NOW.toISOString()}&compare=none`,
    );
    expect(status).toBe(200);
    return body.metrics;
  };

  beforeAll(async () => {
    parley = await startApi();
    dataSource = await createDataSource(parley.env.databaseUrl, { poolSize: 2 }).initialize();
    const rollup = new MentionRollupRepository();
    const sentiment = new SentimentRepository();
    const themes = new ThemeRepository();
    const mentions = new RollUpMentionsHandler(dataSource, rollup, sentiment, themes);
    rollUps = async () => {
      await mentions.handle();
      await new RollUpSentimentHandler(dataSource, rollup, sentiment).handle();
      await new RollUpThemesHandler(dataSource, themes).handle();
    };
    recount = () => mentions.recount();
    expect((await parley.admin.request('PUT', '/api/workspace', workspace(['DfT']))).status).toBe(200);

    const { rows } = await parley.db.query(
      `INSERT INTO conversation (source_id, root_external_id) SELECT id, 'c1' FROM source WHERE key = 'social' RETURNING id`,
    );
    await post('forum', 'web', 'Sam', 'The DfT timetable is wrong', 5);
    await post('forum', 'web', 'alex', 'DfT trains are late', 5);
    // Sam's thread on the social source, where the department replied.
    await post('social', 'mastodon', 'sam', 'Thanks DfT for the reply', 4, rows[0].id);
    await post('social', 'mastodon', 'sam', 'DfT, one more question', 3, rows[0].id);
    await post('social', 'mastodon', 'samphire', 'Not about the DfT person', 3);
    await parley.db.query(
      `INSERT INTO engagement (conversation_id, department_id, kind, occurred_at, outcome_notes)
       SELECT $1, id, 'reply', $2, 'Answered @sam about the timetable; samphire asked too' FROM department WHERE key = 'dft'`,
      [rows[0].id, ago(3 * DAY)],
    );
    await parley.db.query(
      `INSERT INTO flagged_author (department_id, platform, handle, kind, reason)
       SELECT id, 'web', 'Sam', 'bot', 'posts the same text hourly' FROM department WHERE key = 'dft'`,
    );
    await rollUps();
  }, 300_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('finds the author by handle on both sources, and exports what is held', async () => {
    const created = await parley.admin.request('POST', '/api/subject-requests', {
      handle: '@sam',
    });
    expect(created.status).toBe(201);
    request = created.body as SubjectRequest;
    expect(request).toMatchObject({
      kind: 'handle',
      value: '@sam',
      outcome: null,
      found: {
        posts: 3,
        held: 0,
        retired: 0,
        sources: ['forum', 'social'],
        conversations: 1,
        engagements: 1,
        flaggedAuthors: 1,
        themeExcerpts: 0,
      },
    });
    const exported = await parley.admin.get<SubjectExport>(`/api/subject-requests/${request.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.body.posts.map((p) => [p.source, p.authorHandle, p.text])).toEqual([
      ['forum', 'Sam', 'The DfT timetable is wrong'],
      ['social', 'sam', 'Thanks DfT for the reply'],
      ['social', 'sam', 'DfT, one more question'],
    ]);
    expect(exported.body.engagements).toHaveLength(1);
    expect(exported.body.flaggedAuthors).toMatchObject([{ department: 'dft', handle: 'Sam', kind: 'bot' }]);
  });

  it('erases them with a receipt that names nobody else, and every figure stays as it was', async () => {
    const before = await metrics();
    const erased = await parley.admin.request('POST', `/api/subject-requests/${request.id}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      outcome: 'erased',
      done: { posts: 3, keptUnderHold: 0, engagements: 1, flaggedAuthors: 1, themeExcerpts: 0 },
      doneBy: expect.any(String),
    });
    const { value, ...receipt } = erased.body as SubjectRequest;
    expect(value).toBe('@sam');
    expect(JSON.stringify(receipt).toLowerCase()).not.toContain('sam');

    const { rows } = await parley.db.query(
      `SELECT author_handle, author_name, author_profile_url, author_followers, url, text, retired_as FROM post
       WHERE retired_as IS NOT NULL ORDER BY id`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        author_profile_url: null,
        author_followers: null,
        url: null,
        text: '',
        retired_as: 'deleted',
      });
      expect(row.author_handle).toMatch(/^member-[0-9a-f]{20}$/);
      expect(row.author_name).toBe(row.author_handle);
    }
    // samphire is someone else: untouched, in the posts and in the note.
    const left = await parley.db.query(`SELECT author_handle FROM post WHERE retired_as IS NULL ORDER BY id`);
    expect(left.rows.map((r: { author_handle: string }) => r.author_handle)).toEqual(['alex', 'samphire']);
    const note = await parley.db.query(`SELECT outcome_notes FROM engagement`);
    expect(note.rows[0].outcome_notes).toBe(
      'Answered [removed at their request] about the timetable; samphire asked too',
    );
    expect((await parley.db.query(`SELECT count(*)::int AS n FROM flagged_author`)).rows[0].n).toBe(0);

    expect(await metrics()).toEqual(before);
    // A recount of every hour afterwards (a name changed) cannot bring the erased posts back or change a figure.
    expect(
      (await parley.admin.request('PUT', '/api/workspace', workspace(['DfT', 'Transport Department'])))
        .status,
    ).toBe(200);
    await recount();
    await rollUps();
    expect(await metrics()).toEqual(before);

    const audit = await parley.db.query(
      `SELECT action, after::text AS after FROM audit_event WHERE entity_type = 'subject_request' ORDER BY id`,
    );
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual([
      'subject-request.create',
      'subject-request.export',
      'subject-request.erase',
    ]);
    for (const r of audit.rows) expect(r.after.toLowerCase()).not.toContain('sam');
  });

  it('acts once, and what is left to export carries no name', async () => {
    const again = await parley.admin.request('POST', `/api/subject-requests/${request.id}/pseudonymise`);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('already erased');
    const exported = await parley.admin.get<SubjectExport>(`/api/subject-requests/${request.id}/export`);
    expect(exported.body.posts).toHaveLength(3);
    expect(exported.body.posts.every((p) => p.text === '' && p.retired === 'deleted')).toBe(true);
    expect(exported.body.engagements).toEqual([]);
    const listed = await parley.admin.get<SubjectRequest[]>('/api/subject-requests');
    expect(listed.body.map((r) => r.id)).toEqual([request.id]);
  });

  it('refuses requests that do not say who, or say it badly', async () => {
    const cases: [unknown, string][] = [
      [{}, 'one of handle, name or profileUrl'],
      [{ handle: 'sam', name: 'Sam Jones' }, 'one of handle, name or profileUrl'],
      [{ profileUrl: 'not a link' }, 'a profile link is a web address'],
      [{ handle: '   ' }, 'a handle cannot be empty'],
      [{ email: 'sam@example.com' }, 'email'],
    ];
    for (const [body, message] of cases) {
      const answer = await parley.admin.request('POST', '/api/subject-requests', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(message);
    }
    expect((await parley.admin.get('/api/subject-requests/not-an-id')).status).toBe(404);
  });
});
