import type {
  Backfill,
  ConversationDetail,
  ConversationPage,
  Rule,
  RuleVersion,
  SourceWithHealth,
} from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { TestApiClient, eventually, rssFeed, startFixtureServer, type FeedItem } from '@parley/testing';
import IORedis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const forumItems: FeedItem[] = [
  {
    guid: 'loan-1',
    title: 'Student loan repayments after moving abroad',
    description:
      'I am moving to Canada next year. Where do I find the guidance on repaying my student loan from abroad?',
    author: 'Priya',
    pubDate: hoursAgo(5),
  },
  {
    guid: 'pets-1',
    title: 'Best dog walks near Leeds',
    description: 'Any recommendations for the weekend?',
    author: 'Tom',
    pubDate: hoursAgo(3),
  },
  {
    guid: 'uc-1',
    title: 'Universal Credit payment date moved',
    description: 'My Universal Credit payment date changed this month. Is that normal?',
    author: 'Sam',
    pubDate: hoursAgo(2),
  },
];

describe('pipeline: feed → worker → Postgres → tagging → API', () => {
  let parley: Parley;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let admin: TestApiClient;

  beforeAll(async () => {
    server = await startFixtureServer({
      '/mirror.xml': (_req, res) => {
        const mirrored = forumItems.map((item) => ({
          ...item,
          guid: `mirror-${item.guid}`,
          link: `https://forum.example.org/t/${item.guid}?utm_source=newsletter`,
        }));
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Forum digest', mirrored));
      },
      '/busy.xml': (_req, res) => {
        res.writeHead(429, { 'retry-after': '120' }).end('slow down');
      },
      '/forum.xml': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rssFeed('Citizens forum', forumItems));
      },
    });
    parley = await startParley();
    admin = parley.admin;
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
        },
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          aliases: ['DWP'],
          rules: [{ key: 'uc', name: 'Universal Credit', query: 'universal credit' }],
        },
      ],
      sources: [
        {
          key: 'forum',
          name: 'Sample data: money forum',
          type: 'feed',
          url: server.url('/forum.xml'),
          interval: '1h',
        },
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    await server?.close();
  });

  const inbox = async (client: TestApiClient, department: string) =>
    (await client.get<ConversationPage>(`/api/conversations?department=${department}`)).body;

  it('tags a matching post for the department whose rule matched, with the rule as the reason', async () => {
    const page = await eventually(async () => {
      const p = await inbox(admin, 'dfe');
      return p.items.length > 0 && p;
    });
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item).toMatchObject({
      title: 'Student loan repayments after moving abroad',
      source: 'forum',
      sourceName: 'Sample data: money forum',
      platform: 'web',
      postCount: 1,
    });
    expect(item.tags[0]).toMatchObject({ department: 'dfe', rules: ['student-loans'], route: 'pointer' });
    expect(item.tags[0].signals.map((s) => s.kind)).toEqual(['rule', 'question', 'recency']);
    expect(item.tags[0].signals[1].detail).toContain('Where do I find the guidance');
    expect(item.tags[0].score).toBeGreaterThan(0);

    const dwp = await eventually(async () => {
      const p = await inbox(admin, 'dwp');
      return p.items.length > 0 && p;
    });
    expect(dwp.items.map((i) => i.title)).toEqual(['Universal Credit payment date moved']);
  });

  it('shows the thread, and the source health', async () => {
    const [item] = (await inbox(admin, 'dfe')).items;
    const detail = (await admin.get<ConversationDetail>(`/api/conversations/${item.id}`)).body;
    expect(detail.posts).toEqual([
      expect.objectContaining({
        author: { name: 'Priya', handle: 'Priya' },
        text: expect.stringContaining('student loan'),
        byDepartment: null,
      }),
    ]);
    const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
    expect(sources[0]).toMatchObject({ key: 'forum', health: { lastError: null, postCount: 3 } });
    expect(sources[0].health.lastSuccessAt).not.toBeNull();
  });

  it('stores nothing twice when the same feed is fetched again', async () => {
    const { db, worker } = parley;
    const sourceId = (await db.query(`SELECT id FROM source WHERE key = 'forum'`)).rows[0].id as string;
    const fetches = server.hits.length;
    await worker.get(JobProducer).fetchNow(sourceId, 'again-1');
    await worker.get(JobProducer).fetchNow(sourceId, 'again-2');
    await eventually(async () => server.hits.length >= fetches + 2);
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM opportunity`)).rows[0].n === 2,
    );
    const counts = await db.query(
      `SELECT (SELECT count(*)::int FROM post) AS posts, (SELECT count(*)::int FROM conversation) AS conversations,
              (SELECT count(*)::int FROM opportunity) AS opportunities`,
    );
    expect(counts.rows[0]).toEqual({ posts: 3, conversations: 3, opportunities: 2 });
  });

  it('shows a member only their own departments: another department answers 404', async () => {
    await admin.request('POST', '/api/users', {
      email: 'comms@dfe.example.gov.uk',
      name: 'Dana Comms',
      password: 'dfe-comms-password',
      memberships: [{ department: 'dfe', role: 'comms' }],
    });
    const member = new TestApiClient(parley.baseUrl);
    expect(await member.login('comms@dfe.example.gov.uk', 'dfe-comms-password')).toBe(200);
    expect((await inbox(member, 'dfe')).items).toHaveLength(1);
    expect((await member.get('/api/conversations?department=dwp')).status).toBe(404);
    const [dwpItem] = (await inbox(admin, 'dwp')).items;
    expect((await member.get(`/api/conversations/${dwpItem.id}`)).status).toBe(404);
    expect((await member.get('/api/conversations/not-a-number')).status).toBe(404);
  });

  it('records a failing source on the source, with a message a person can act on', async () => {
    await admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'gone', type: 'feed', url: server.url('/missing.xml'), interval: '1h' }],
    });
    const gone = await eventually(async () => {
      const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
      return sources.find((s) => s.key === 'gone' && s.health.lastError);
    });
    expect(gone.health.lastError).toMatch(/404/);
  });

  it('refuses private addresses that are not allowlisted', async () => {
    await admin.request('PUT', '/api/workspace', {
      sources: [
        { key: 'metadata', type: 'feed', url: 'http://169.254.169.254/latest/meta-data/', interval: '1h' },
      ],
    });
    const refused = await eventually(async () => {
      const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
      return sources.find((s) => s.key === 'metadata' && s.health.lastError);
    });
    expect(refused.health.lastError).toMatch(/169\.254\.169\.254/);
  });

  it('honours Retry-After: the host is left alone until the time it gave', async () => {
    await admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'busy', type: 'feed', url: server.url('/busy.xml'), interval: '1h' }],
    });
    const busy = await eventually(async () => {
      const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
      return sources.find((s) => s.key === 'busy' && s.health.lastError);
    });
    expect(busy.health.lastError).toMatch(/429/);
    const redis = new IORedis(parley.env.env.REDIS_URL);
    try {
      const ttl = await redis.pttl(`${parley.env.queuePrefix}:host-cooldown:127.0.0.1`);
      expect(ttl).toBeGreaterThan(100_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
      await redis.del(`${parley.env.queuePrefix}:host-cooldown:127.0.0.1`);
    } finally {
      redis.disconnect();
    }
  });

  it('changes a rule with a reason, keeps the version, and re-tags recent conversations with progress', async () => {
    const saved = await admin.request('PUT', '/api/rules/dwp/payments', {
      name: 'Payment dates',
      query: 'payment date',
      reason: 'Citizens ask about moved payment dates',
    });
    expect(saved.status).toBe(200);
    const { backfill } = saved.body as { backfill: string };
    const done = await eventually(async () => {
      const { body } = await admin.get<Backfill>(`/api/backfills/${backfill}`);
      return body.state === 'completed' && body;
    });
    expect(done.done).toBe(done.total);
    expect(done.total).toBeGreaterThanOrEqual(3);
    const dwp = (await admin.get<ConversationPage>('/api/conversations?department=dwp')).body;
    expect(dwp.items[0].tags[0].rules.sort()).toEqual(['payments', 'uc']);
    const versions = (await admin.get<RuleVersion[]>('/api/rules/dwp/payments/versions')).body;
    expect(versions).toEqual([
      expect.objectContaining({
        version: 1,
        queryAfter: 'payment date',
        reason: 'Citizens ask about moved payment dates',
        changedBy: 'admin@example.gov.uk',
      }),
    ]);
    const bad = await admin.request('PUT', '/api/rules/dwp/empty', {
      name: 'Empty',
      query: 'the of and',
      reason: 'test',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a rule change made from a stale version, changing nothing', async () => {
    const put = (key: string, expectedVersion: number | undefined, query = 'student finance') =>
      admin.request('PUT', `/api/rules/dfe/${key}`, {
        name: 'Student finance',
        query,
        reason: 'Concurrent editors',
        expectedVersion,
      });
    expect((await put('finance', 0)).status).toBe(200);
    const again = await put('finance', 0);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: expect.stringContaining('already a rule "finance"') });
    expect((await put('finance', 1, 'student finance england')).status).toBe(200);
    const stale = await put('finance', 1, 'student finance wales');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ message: expect.stringContaining('version 1 is now 2') });
    const versions = (await admin.get<RuleVersion[]>('/api/rules/dfe/finance/versions')).body;
    expect(versions.map((v) => [v.version, v.queryAfter])).toEqual([
      [2, 'student finance england'],
      [1, 'student finance'],
    ]);
    // Changing an existing rule must name its version: without one it is refused (428), not saved regardless.
    expect((await put('finance', undefined, 'student finance wales')).status).toBe(428);
    expect((await put('new', 0)).status).toBe(400);
  });

  it('lets only managers and admins change rules', async () => {
    const member = new TestApiClient(parley.baseUrl);
    expect(await member.login('comms@dfe.example.gov.uk', 'dfe-comms-password')).toBe(200);
    const refused = await member.request('PUT', '/api/rules/dfe/loans-2', {
      name: 'Loans',
      query: 'loan',
      reason: 'try',
    });
    expect(refused.status).toBe(403);
    // A role that may edit rules nowhere is refused before any department is looked up, so nothing leaks.
    expect(
      (await member.request('PUT', '/api/rules/dwp/x', { name: 'X', query: 'loan', reason: 'try' })).status,
    ).toBe(403);
    expect(new Set((await member.get<Rule[]>('/api/rules')).body.map((r) => r.department))).toEqual(
      new Set(['dfe']),
    );
  });

  it('previews a query over the past with the same language the matcher uses', async () => {
    const preview = async (department: string, query: string) =>
      admin.request('POST', '/api/rules/preview', { department, query });
    const hit = await preview('dfe', '"student loan" AND (abroad OR overseas) -spam');
    expect(hit.status).toBe(200);
    expect(hit.body).toMatchObject({
      count: 1,
      sample: [{ title: 'Student loan repayments after moving abroad' }],
    });
    expect((await preview('dwp', 'universal NEAR/2 credit')).body).toMatchObject({ count: 1 });
    expect((await preview('dwp', 'payment ONEAR/1 credit')).body).toMatchObject({ count: 0 });
    const bad = await preview('dfe', 'student AND (loan');
    expect(bad.status).toBe(400);
    expect((bad.body as { problems: { path: string; message: string }[] }).problems[0]).toEqual({
      path: 'query',
      message: expect.stringMatching(/^at position 17: /),
      position: 17,
    });
    expect((await admin.get<unknown[]>('/api/rules/syntax')).body.length).toBeGreaterThan(10);
  });

  it('keeps conversations below the department threshold out of its inbox', async () => {
    const setThreshold = (threshold: number) =>
      admin.request('PUT', '/api/workspace', {
        departments: [{ key: 'dfe', name: 'Department for Education', threshold }],
      });
    expect((await setThreshold(100)).body).toMatchObject({ departments: { updated: ['dfe'] } });
    expect((await inbox(admin, 'dfe')).items).toHaveLength(0);
    await setThreshold(0);
    expect((await inbox(admin, 'dfe')).items).toHaveLength(1);
  });

  it('stores a post once even when another source carries the same page', async () => {
    const before = (await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n as number;
    await admin.request('PUT', '/api/workspace', {
      sources: [{ key: 'mirror', type: 'feed', url: server.url('/mirror.xml'), interval: '1h' }],
    });
    const mirror = await eventually(async () => {
      const sources = (await admin.get<SourceWithHealth[]>('/api/sources')).body;
      return sources.find((s) => s.key === 'mirror' && s.health.lastSuccessAt);
    });
    expect(mirror.health.postCount).toBe(0);
    expect((await parley.db.query(`SELECT count(*)::int AS n FROM post`)).rows[0].n).toBe(before);
  });
});
