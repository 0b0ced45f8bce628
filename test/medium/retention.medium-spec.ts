import type { LegalHold, MetricsResponse, RetentionStatus, WorkspaceDocument } from '@parley/contracts';
import { loadConfig } from '@parley/config';
import {
  AuditRepository,
  createDataSource,
  MentionRollupRepository,
  PostRetirement,
  RetentionRepository,
  SentimentRepository,
  ThemeRepository,
} from '@parley/db';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplyRetentionHandler } from '../../apps/worker/src/handlers/apply-retention.handler';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { startApi, type Api } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date();
const ago = (ms: number) => new Date(NOW.getTime() - ms);

const workspace = (aliases: string[]) => ({
  departments: [{ key: 'dfe', name: 'Department for Education', aliases }],
  sources: [
    {
      key: 'forum',
      type: 'feed',
      url: 'https://forum.example/feed.xml',
      interval: '1h',
      enabled: false,
      retention: { days: 30, action: 'pseudonymise' },
    },
    { key: 'news', type: 'feed', url: 'https://news.example/feed.xml', interval: '1h', enabled: false },
  ],
  retention: { days: 365, action: 'delete' },
});

type PostRow = {
  external_id: string;
  text: string;
  author_handle: string | null;
  author_name: string | null;
  author_profile_url: string | null;
  author_followers: number | null;
  author_token: string | null;
  retired_as: string | null;
};

describe('retention: posts past their period are retired, held ones are not, and the figures stay', () => {
  let parley: Api;
  let dataSource: DataSource;
  let retention: ApplyRetentionHandler;
  let rollUps: () => Promise<void>;
  let recount: () => Promise<unknown>;
  let held: LegalHold;
  const ids: Record<string, string> = {};

  const post = async (p: {
    key: string;
    source: string;
    publishedDaysAgo: number;
    handle: string;
    followers: number;
    text: string;
    conversation?: string;
  }) => {
    const { rows } = await parley.db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, fetched_at, author_handle,
         author_name, author_profile_url, author_followers)
       SELECT s.id, $2, $3, 'web', $4, $5, $6, $7, $8, $9, $10 FROM source s WHERE s.key = $1 RETURNING id`,
      [
        p.source,
        p.key,
        p.conversation ?? null,
        p.text,
        ago(p.publishedDaysAgo * DAY),
        // Fetched before the roll-ups' watermarks, as every post retention may retire has been.
        ago(3 * HOUR),
        p.handle,
        `${p.handle} (name)`,
        `https://forum.example/u/${p.handle}`,
        p.followers,
      ],
    );
    ids[p.key] = rows[0].id;
  };
  const conversation = async (source: string, root: string) => {
    const { rows } = await parley.db.query(
      `INSERT INTO conversation (source_id, root_external_id) SELECT id, $2 FROM source WHERE key = $1 RETURNING id`,
      [source, root],
    );
    return rows[0].id as string;
  };
  const postsByKey = async (): Promise<Record<string, PostRow>> => {
    const { rows } = await parley.db.query(
      `SELECT external_id, text, author_handle, author_name, author_profile_url, author_followers, author_token, retired_as
       FROM post`,
    );
    return Object.fromEntries((rows as PostRow[]).map((r) => [r.external_id, r]));
  };
  const metrics = async () => {
    const { status, body } = await parley.admin.get<MetricsResponse>(
      `/api/metrics?department=dfe&from=${ago(399 * DAY).toISOString()}&to=${NOW.toISOString()}&compare=none`,
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
    const repository = new RetentionRepository();
    retention = new ApplyRetentionHandler(
      dataSource,
      loadConfig(),
      repository,
      new PostRetirement(repository, rollup),
      new AuditRepository(),
    );
    expect((await parley.admin.request('PUT', '/api/workspace', workspace(['DfE']))).status).toBe(200);

    const heldConversation = await conversation('forum', 'bob-1');
    const engagedConversation = await conversation('forum', 'carol-1');
    await post({
      key: 'alice-old',
      source: 'forum',
      publishedDaysAgo: 20,
      handle: 'alice',
      followers: 100,
      text: 'The DfE helped me',
    });
    await post({
      key: 'alice-older',
      source: 'forum',
      publishedDaysAgo: 18,
      handle: 'Alice',
      followers: 120,
      text: 'DfE again',
    });
    await post({
      key: 'alice-new',
      source: 'forum',
      publishedDaysAgo: 2,
      handle: 'alice',
      followers: 130,
      text: 'DfE, thanks',
    });
    await post({
      key: 'bob-held',
      source: 'forum',
      publishedDaysAgo: 20,
      handle: 'bob',
      followers: 50,
      text: 'DfE, about my case',
      conversation: heldConversation,
    });
    await post({
      key: 'carol-engaged',
      source: 'forum',
      publishedDaysAgo: 20,
      handle: 'carol',
      followers: 70,
      text: 'Where is the DfE guidance?',
      conversation: engagedConversation,
    });
    await post({
      key: 'dave-ancient',
      source: 'news',
      publishedDaysAgo: 380,
      handle: 'dave',
      followers: 10,
      text: 'DfE news',
    });
    await post({
      key: 'erin-recent',
      source: 'news',
      publishedDaysAgo: 100,
      handle: 'erin',
      followers: 20,
      text: 'DfE news too',
    });
    await parley.db.query(
      `INSERT INTO engagement (conversation_id, department_id, kind, occurred_at)
       SELECT $1, id, 'reply', $2 FROM department WHERE key = 'dfe'`,
      [engagedConversation, ago(19 * DAY)],
    );
    await rollUps();

    const placed = await parley.admin.request('POST', '/api/legal-holds', {
      conversationId: heldConversation,
      reason: 'FOI 2026/117 asks for this thread',
    });
    expect(placed.status).toBe(201);
    held = placed.body as LegalHold;
  }, 300_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await parley?.close();
  });

  it('exports the default and each source’s setting, and applying the export changes nothing', async () => {
    const { body } = await parley.admin.get<WorkspaceDocument>('/api/workspace');
    expect(body.retention).toEqual({ days: 365, action: 'delete' });
    expect(body.sources?.map((s) => [s.key, s.retention])).toEqual([
      ['forum', { days: 30, action: 'pseudonymise' }],
      ['news', null],
    ]);
    const again = await parley.admin.request('PUT', '/api/workspace', body);
    expect(again.status).toBe(200);
    expect((again.body as { changes: unknown[] }).changes).toEqual([]);
  });

  it('retires exactly the posts past their window as the clock moves, never the held one, and keeps every figure', async () => {
    const before = await metrics();
    const original = await postsByKey();

    // Now: only the news post older than the default's 365 days.
    expect(await retention.handle(NOW)).toMatchObject({ deleted: 1, pseudonymised: 0, more: false });
    let posts = await postsByKey();
    expect(Object.keys(posts).filter((k) => posts[k].retired_as)).toEqual(['dave-ancient']);
    expect(posts['dave-ancient']).toMatchObject({
      text: '',
      author_profile_url: null,
      author_followers: null,
    });
    expect(posts['dave-ancient'].author_handle).toMatch(/^member-[0-9a-f]{20}$/);

    // Fifteen days on, the forum's 30 days have passed for the posts of 18 and 20 days ago, but not of 2.
    const result = await retention.handle(new Date(NOW.getTime() + 15 * DAY));
    expect(result).toMatchObject({ pseudonymised: 3, deleted: 0, held: 1 });
    posts = await postsByKey();
    expect(
      Object.keys(posts)
        .filter((k) => posts[k].retired_as)
        .sort(),
    ).toEqual(['alice-old', 'alice-older', 'carol-engaged', 'dave-ancient']);
    // One stable token per author, over her retired posts and the one still in its window (which keeps her handle).
    const token = posts['alice-old'].author_handle as string;
    expect(token).toMatch(/^member-[0-9a-f]{20}$/);
    expect(posts['alice-older']).toMatchObject({ author_handle: token, author_name: token, text: '' });
    expect(posts['alice-old']).toMatchObject({ author_profile_url: null, author_followers: null, text: '' });
    expect(posts['alice-new']).toMatchObject({ ...original['alice-new'], author_token: token });
    // The department took part in carol's conversation: the text stays as the context of its reply.
    expect(posts['carol-engaged']).toMatchObject({
      text: 'Where is the DfE guidance?',
      author_followers: null,
    });
    expect(posts['carol-engaged'].author_handle).not.toBe(token);
    expect(posts['bob-held']).toEqual(original['bob-held']);
    expect(posts['erin-recent']).toEqual(original['erin-recent']);

    expect(await metrics()).toEqual(before);
    // Safe to run again: nothing more is due, and the figures still stand.
    expect(await retention.handle(new Date(NOW.getTime() + 15 * DAY))).toMatchObject({
      pseudonymised: 0,
      deleted: 0,
    });
    expect(await metrics()).toEqual(before);
  });

  it('a recount of every hour (a new alias) and a new roll-up leave the retired hours’ figures as they were', async () => {
    const before = await metrics();
    expect(
      (await parley.admin.request('PUT', '/api/workspace', workspace(['DfE', 'Education Department'])))
        .status,
    ).toBe(200);
    await recount();
    await rollUps();
    expect(await metrics()).toEqual(before);
  });

  it('reports its runs, and retires the held post once the hold is released', async () => {
    const { body: status } = await parley.admin.get<RetentionStatus>('/api/retention');
    expect(status.default).toEqual({ days: 365, action: 'delete' });
    expect(status.sources).toEqual([
      { source: 'forum', days: 30, action: 'pseudonymise', own: true },
      { source: 'news', days: 365, action: 'delete', own: false },
    ]);
    expect(status.legalHolds).toBe(1);
    expect(status.recentRuns.map((r) => [r.pseudonymised, r.deleted, r.error])).toEqual([
      [0, 0, null],
      [3, 0, null],
      [0, 1, null],
    ]);

    const refused = await parley.admin.request('DELETE', `/api/legal-holds/${held.id}`, {});
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('give a reason');
    const released = await parley.admin.request('DELETE', `/api/legal-holds/${held.id}`, {
      reason: 'FOI 2026/117 answered',
    });
    expect(released.status).toBe(200);
    expect((released.body as LegalHold).releasedAt).not.toBeNull();
    expect(
      (await parley.admin.request('DELETE', `/api/legal-holds/${held.id}`, { reason: 'again' })).status,
    ).toBe(409);

    const before = await metrics();
    expect(await retention.handle(new Date(NOW.getTime() + 15 * DAY))).toMatchObject({
      pseudonymised: 1,
      held: 0,
    });
    expect((await postsByKey())['bob-held'].retired_as).toBe('pseudonymised');
    expect(await metrics()).toEqual(before);

    const { rows } = await parley.db.query(
      `SELECT action, count(*)::int AS n FROM audit_event
       WHERE action IN ('retention.apply', 'legal-hold.place', 'legal-hold.release', 'source.create', 'retention.create')
       GROUP BY action ORDER BY action`,
    );
    expect(rows).toEqual([
      { action: 'legal-hold.place', n: 1 },
      { action: 'legal-hold.release', n: 1 },
      { action: 'retention.apply', n: 3 },
      { action: 'retention.create', n: 1 },
      { action: 'source.create', n: 2 },
    ]);
  });

  it('refuses bad settings and bad holds with messages a person can act on', async () => {
    const bad = await parley.admin.request('PUT', '/api/workspace', {
      retention: { days: 0, action: 'shred' },
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    expect(text).toContain('days is at least 1');
    expect(text).toContain('action is \\"delete\\" or \\"pseudonymise\\"');
    const both = await parley.admin.request('POST', '/api/legal-holds', {
      conversationId: '1',
      department: 'dfe',
      reason: 'x',
    });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('give one of them');
    const missing = await parley.admin.request('POST', '/api/legal-holds', {
      conversationId: '999999',
      reason: 'FOI',
    });
    expect(missing.status).toBe(404);
    const unknown = await parley.admin.request('POST', '/api/legal-holds', {
      department: 'nope',
      reason: 'FOI',
    });
    expect(unknown.status).toBe(404);
  });
});
