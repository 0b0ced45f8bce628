import type { ArgumentsHost } from '@nestjs/common';
import type { ErrorBody } from '@parley/contracts';
import { DATA_SOURCE } from '@parley/db';
import { eventually, startFixtureServer } from '@parley/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainErrorFilter } from '../../apps/api/src/common/domain-error.filter';
import { databaseRefusedInput } from '../../apps/api/src/common/request-errors';
import { fixture } from '../../libs/ingest/src/connectors/test-support/fixtures';
import {
  timelinePage,
  type FixtureStatus,
} from '../../libs/ingest/src/connectors/test-support/mastodon-instance';
import { ADMIN, startParley, type Parley } from './harness';

/** What Postgres refuses (NUL in text, an unpaired surrogate in jsonb) and what hides or reorders text. */
const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const ZERO_WIDTH_SPACE = '\u200b';

const department = (fields: Record<string, unknown> = {}) => ({
  key: 'dept',
  name: 'A department',
  ...fields,
});
const source = (fields: Record<string, unknown> = {}) => ({
  key: 'feed',
  type: 'feed',
  url: 'https://example.org/feed.xml',
  interval: '1h',
  ...fields,
});
const rule = (fields: Record<string, unknown> = {}) => ({
  key: 'rule',
  name: 'A rule',
  query: 'passport',
  ...fields,
});

const hostile = (text: string) => `${text.slice(0, 4)}${NUL}${text.slice(4)}${LONE_SURROGATE}`;
const statuses = (fixture('mastodon/timeline-tag-passports.json') as FixtureStatus[]).map((status, i) =>
  i === 0
    ? {
        ...status,
        id: `${status.id}${NUL}`,
        content: `<p>Passport${NUL} renewal ${LONE_SURROGATE}taking ages</p>`,
        spoiler_text: hostile('Passports'),
        account: { ...status.account, display_name: `Ruth${NUL} H${LONE_SURROGATE}` },
      }
    : status,
);
const topic = fixture('discourse/t-99.json') as {
  title: string;
  post_stream: { posts: { cooked: string; name: string }[] };
};
const latest = fixture('discourse/latest.json') as {
  topic_list: { topics: { id: number; title: string }[] };
};

let parley: Parley;
let server: Awaited<ReturnType<typeof startFixtureServer>>;

beforeAll(async () => {
  const [summary] = latest.topic_list.topics.filter((t) => t.id === 99);
  server = await startFixtureServer({
    '/api/v1/timelines/public': (req, res) => {
      const page = timelinePage(statuses, new URL(req.url ?? '/', 'http://127.0.0.1'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(page));
    },
    '/forum/latest.json': (_req, res) => {
      const topics = [{ ...summary, title: hostile(summary.title) }];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ...latest, topic_list: { ...latest.topic_list, topics } }));
    },
    '/t/99.json': (_req, res) => {
      const [post] = topic.post_stream.posts;
      const posts = [
        { ...post, name: hostile(post.name), cooked: `<p>Open${NUL} late${LONE_SURROGATE}</p>` },
      ];
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...topic,
          title: hostile(topic.title),
          post_stream: { ...topic.post_stream, posts },
        }),
      );
    },
  });
  parley = await startParley();
  const applied = await parley.admin.request('PUT', '/api/workspace', {
    departments: [department({ rules: [rule()] })],
    sources: [
      { key: 'instance', type: 'mastodon', url: server.url('/api/v1/timelines/public'), interval: '1h' },
      { key: 'forum', type: 'discourse', url: server.url('/forum/latest.json'), interval: '1h' },
    ],
  });
  expect(applied.status).toBe(200);
});
afterAll(async () => {
  await parley?.close();
  await server?.close();
});

describe('bad input gets 400 naming the field and the limit, and nothing is written', () => {
  const count = async (table: string): Promise<number> =>
    (await parley.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const written = async () => ({
    department: await count('department'),
    rule: await count('listening_rule'),
    source: await count('source'),
    user: await count('app_user'),
    token: await count('api_token'),
    audit: await count('audit_event'),
  });

  /** Sends the request, expects 400, and checks nothing changed; answers the problems as `path: message`. */
  const refused = async (method: string, path: string, body: unknown): Promise<Record<string, string>> => {
    const before = await written();
    const answer = await parley.admin.request(method, path, body);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 500)).toBe(400);
    expect(await written()).toEqual(before);
    const problems = (answer.body as ErrorBody).problems ?? [];
    return Object.fromEntries(problems.map((p) => [p.path, p.message]));
  };
  const applying = (doc: unknown) => refused('PUT', '/api/workspace', doc);

  it.each([
    ['25d', 'interval is at most 7d (this one is 25d)'],
    ['99999999999999999999d', 'interval is at most 7d (this one is 99999999999999999999d)'],
    ['10s', 'interval is at least 30s (this one is 10s)'],
    ['soon', 'interval must be a duration such as 30s, 5m, 1h or 1d'],
  ])('refuses the interval %s, saying the bounds', async (interval, message) => {
    expect(await applying({ sources: [source({ interval })] })).toEqual({
      'sources[0].interval': message,
    });
  });

  it.each([
    ['a NUL byte', NUL, 'U+0000'],
    ['an unpaired surrogate', LONE_SURROGATE, 'U+D800'],
  ])('refuses %s in any name, query, alias or url of the workspace document', async (_name, bad, code) => {
    const problems = await applying({
      departments: [
        department({
          name: `A${bad} department`,
          aliases: [`alias${bad}`],
          accounts: [{ platform: 'mastodon', handle: `@dept${bad}@example.social` }],
          resources: [{ title: `Title${bad}`, url: `https://example.org/${bad}`, text: `text${bad}` }],
          rules: [rule({ name: `Rule${bad}`, query: `passport${bad}`, purpose: `why${bad}` })],
        }),
      ],
      sources: [source({ url: `https://example.org/feed${bad}.xml`, name: `Feed${bad}` })],
    });
    expect(Object.keys(problems).sort()).toEqual([
      'departments[0].accounts[0].handle',
      'departments[0].aliases[0]',
      'departments[0].name',
      'departments[0].resources[0].text',
      'departments[0].resources[0].title',
      'departments[0].resources[0].url',
      'departments[0].rules[0].name',
      'departments[0].rules[0].purpose',
      'departments[0].rules[0].query',
      'sources[0].name',
      'sources[0].url',
    ]);
    for (const message of Object.values(problems)) expect(message).toContain(code);
    expect(problems['departments[0].name']).toMatch(/^a department name cannot contain /);
  });

  it.each([
    ['a NUL byte', NUL, 'U+0000'],
    ['an unpaired surrogate', LONE_SURROGATE, 'U+D800'],
  ])('refuses %s in a rule, a token name and a user name', async (_name, bad, code) => {
    const ruleProblems = await refused('PUT', '/api/rules/dept/new-rule', {
      name: `Rule${bad}`,
      query: `passport${bad}`,
      reason: `because${bad}`,
    });
    expect(Object.keys(ruleProblems).sort()).toEqual(['name', 'query', 'reason']);
    expect(ruleProblems.query).toMatch(new RegExp(`^a query cannot contain .*${code.replace('+', '\\+')}`));

    expect(await refused('POST', '/api/auth/tokens', { name: `token${bad}` })).toEqual({
      name: expect.stringContaining(code),
    });
    const user = {
      email: 'someone@example.gov.uk',
      name: `Some${bad}one`,
      password: 'a-long-enough-password',
    };
    expect(await refused('POST', '/api/users', user)).toEqual({ name: expect.stringContaining(code) });
    expect(await refused('POST', '/api/departments/dept/members', { ...user, role: 'comms' })).toEqual({
      name: expect.stringContaining(code),
    });
  });

  it('refuses a 4.5 MB department name, saying the limit', async () => {
    const name = 'x'.repeat(4.5 * 1024 * 1024);
    expect(await applying({ departments: [department({ name })] })).toEqual({
      'departments[0].name': 'a department name is at most 200 characters (this one has 4,718,592)',
    });
  });

  it('refuses 10,000 rules in a department and 3,000 sources, saying the limits', async () => {
    const rules = Array.from({ length: 10_000 }, (_, i) => rule({ key: `rule-${i}` }));
    const sources = Array.from({ length: 3_000 }, (_, i) => source({ key: `feed-${i}` }));
    expect(await applying({ departments: [department({ rules })], sources })).toEqual({
      'departments[0].rules': 'a department has at most 500 rules (this one has 10,000)',
      sources: 'a workspace document has at most 1,000 sources (this one has 3,000)',
    });
  });

  it.each([
    ['a right-to-left override', RIGHT_TO_LEFT_OVERRIDE, 'U+202E'],
    ['a zero-width space', ZERO_WIDTH_SPACE, 'U+200B'],
  ])('refuses a rule name with %s, which would display spoofed text', async (_name, bad, code) => {
    const name = `Passports ${bad}stnemyap`;
    const viaDocument = await applying({ departments: [department({ rules: [rule({ name })] })] });
    expect(viaDocument['departments[0].rules[0].name']).toContain(code);
    const viaEditor = await refused('PUT', '/api/rules/dept/rule', { name, query: 'passport', reason: 'x' });
    expect(viaEditor.name).toContain(code);
  });

  /** What the api's global filter answers for `error`, as the status and body it sends. */
  const answerOf = (error: unknown) => {
    const sent: { status?: number; body?: unknown } = {};
    const response = {
      status: (status: number) => ((sent.status = status), response),
      json: (body: unknown) => (sent.body = body),
    };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    new DomainErrorFilter().catch(error, host);
    return sent;
  };
  // Real refusals, through the api's own DataSource (TypeORM wraps the driver's error) and a plain client.
  const viaApi = (sql: string, params: unknown[]) =>
    parley.api.get<DataSource>(DATA_SOURCE).query(sql, params);
  const viaClient = async (sql: string, params: unknown[]) => {
    await parley.db.query('CREATE TEMP TABLE IF NOT EXISTS short_text (v varchar(3))');
    return parley.db.query(sql, params);
  };
  it.each([
    ['a NUL byte in text', viaApi, 'SELECT $1::text', [`a${NUL}b`]],
    ['a NUL byte in jsonb', viaApi, 'SELECT $1::jsonb', [JSON.stringify(`a${NUL}b`)]],
    ['an unpaired surrogate in jsonb', viaApi, 'SELECT $1::jsonb', [JSON.stringify(LONE_SURROGATE)]],
    ['a number out of range', viaApi, 'SELECT $1::int', [2_160_000_000]],
    ['a value too long', viaClient, 'INSERT INTO short_text VALUES ($1)', ['abcd']],
  ])('answers 400, not 500, when Postgres refuses %s', async (_name, run, sql, params) => {
    const error: unknown = await run(sql, params).then(
      () => null,
      (e: unknown) => e,
    );
    const refused = {
      status: 400,
      body: { code: 'invalid', message: expect.stringMatching(/^(The request contains|A number|A value)/) },
    };
    expect(databaseRefusedInput(error)).toEqual(refused);
    expect(answerOf(error)).toEqual(refused);
  });

  it('still accepts a sign-in, so the checks do not lock anyone out', async () => {
    expect(await parley.admin.login(ADMIN.email, ADMIN.password)).toBe(200);
  });
});

describe('ingested text: NUL bytes and unpaired surrogates are stripped before Postgres', () => {
  const stored = (sourceKey: string, count: number) =>
    eventually(async () => {
      const { rows } = await parley.db.query(
        `SELECT p.external_id, p.title, p.text, p.author_name FROM post p JOIN source s ON s.id = p.source_id
         WHERE s.key = $1 ORDER BY p.external_id`,
        [sourceKey],
      );
      return rows.length === count && rows;
    });

  it('stores a Mastodon status with them, without them', async () => {
    const rows = await stored('instance', statuses.length);
    expect(rows).toContainEqual({
      external_id: statuses[0].id.replace(NUL, ''),
      title: 'Passports',
      text: 'Passport renewal taking ages',
      author_name: 'Ruth H',
    });
    const health = await parley.db.query(`SELECT last_error FROM source WHERE key = 'instance'`);
    expect(health.rows[0].last_error).toBeNull();
  });

  it('stores a Discourse topic with them, without them', async () => {
    const [row] = await stored('forum', 1);
    expect(row).toMatchObject({ title: topic.title, text: 'Open late' });
    expect(row.author_name).toBe(topic.post_stream.posts[0].name);
  });
});
