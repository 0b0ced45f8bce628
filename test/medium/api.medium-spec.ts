import { TestApiClient } from '@parley/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startApi, type Api } from './harness';

describe('api: auth, users, workspace', () => {
  let parley: Api;
  let baseUrl: string;
  let db: Client;

  beforeAll(async () => {
    parley = await startApi();
    ({ baseUrl, db } = parley);
  });

  afterAll(async () => {
    await parley?.close();
  });

  const admin = async () => {
    const client = new TestApiClient(baseUrl);
    expect(await client.login(ADMIN.email, ADMIN.password)).toBe(200);
    return client;
  };

  it('reports health of Postgres and Redis', async () => {
    const { status, body } = await new TestApiClient(baseUrl).get('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', db: true, redis: true });
  });

  it('signs in with a session cookie that is HttpOnly and SameSite', async () => {
    const client = new TestApiClient(baseUrl);
    const { status, headers } = await client.request('POST', '/api/auth/login', ADMIN);
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toMatch(/parley_session=ps_[^;]+;.*HttpOnly.*SameSite=Strict/i);
  });

  it('refuses a wrong password, and unauthenticated calls', async () => {
    const client = new TestApiClient(baseUrl);
    expect(await client.login(ADMIN.email, 'not the password')).toBe(401);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/sources')).status).toBe(401);
  });

  it('throttles repeated failed sign-ins for an account', async () => {
    const client = new TestApiClient(baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(await client.login('someone@example.gov.uk', 'wrong password'));
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('requires the CSRF token for cookie-authenticated writes, and accepts API tokens without it', async () => {
    const client = await admin();
    const refused = await client.withoutCsrf().request('POST', '/api/auth/tokens', { name: 'script' });
    expect(refused.status).toBe(403);
    const created = await client.request('POST', '/api/auth/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token = (created.body as { token: string }).token;
    expect(token).toMatch(/^pt_/);
    const script = new TestApiClient(baseUrl, token);
    expect((await script.get<{ email: string }>('/api/auth/me')).body.email).toBe(ADMIN.email);
    expect((await new TestApiClient(baseUrl, 'pt_forged').get('/api/auth/me')).status).toBe(401);
  });

  it('rejects an invalid workspace document whole, listing every problem, and changes nothing', async () => {
    const client = await admin();
    const before = await db.query(
      'SELECT (SELECT count(*) FROM department) AS d, (SELECT count(*) FROM source) AS s',
    );
    const { status, body } = await client.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: 'student loan' }],
        },
        { key: 'Bad Key', name: '', rules: [{ key: 'x', name: 'Only stop words', query: 'the and of' }] },
      ],
      sources: [
        { key: 'forum', type: 'feed', url: 'ftp://example.org/feed', interval: '5m' },
        {
          key: 'blog',
          type: 'carrier-pigeon',
          url: 'https://example.org/feed',
          interval: '1s',
          department: 'nope',
        },
      ],
    });
    expect(status).toBe(400);
    const paths = (body as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'departments[1].key',
        'departments[1].name',
        'sources[0].url',
        'sources[1].type',
        'sources[1].interval',
      ]),
    );
    const after = await db.query(
      'SELECT (SELECT count(*) FROM department) AS d, (SELECT count(*) FROM source) AS s',
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('reports reference and query problems too', async () => {
    const client = await admin();
    const { status, body } = await client.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dfe', name: 'DfE', rules: [{ key: 'x', name: 'Only stop words', query: 'the and of' }] },
      ],
      sources: [
        { key: 'blog', type: 'feed', url: 'https://example.org/feed', interval: '5m', department: 'nope' },
      ],
    });
    expect(status).toBe(400);
    expect((body as { problems: unknown[] }).problems).toEqual([
      { path: 'sources[0].department', message: expect.stringContaining('no department "nope"') },
      {
        path: 'departments[0].rules[0].query',
        message: expect.stringContaining('only very common words'),
        position: 0,
      },
    ]);
  });

  it('applies a workspace idempotently by key, audits the change, and prunes only when asked', async () => {
    const client = await admin();
    const doc = {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          aliases: ['DfE'],
          accounts: [{ platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' }],
          resources: [
            {
              title: 'Term dates',
              url: 'https://www.gov.uk/school-term-holiday-dates',
              text: 'School term and holiday dates',
            },
          ],
          rules: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
      sources: [
        {
          key: 'forum',
          type: 'feed',
          url: 'https://forum.example.org/feed.xml',
          interval: '15m',
          department: 'dfe',
        },
      ],
    };
    const first = await client.request('PUT', '/api/workspace', doc);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      departments: { created: ['dfe'] },
      rules: { created: ['dfe/loans'] },
      sources: { created: ['forum'] },
    });
    const again = await client.request('PUT', '/api/workspace', doc);
    expect(again.body).toMatchObject({
      departments: { unchanged: ['dfe'], updated: [] },
      rules: { unchanged: ['dfe/loans'] },
      sources: { unchanged: ['forum'] },
    });

    const changed = structuredClone(doc);
    changed.departments[0].rules[0].query = 'student loan repayment';
    const third = await client.request('PUT', '/api/workspace', changed);
    expect(third.body).toMatchObject({ rules: { updated: ['dfe/loans'] } });
    const versions = await db.query(
      `SELECT version, query_before, query_after FROM listening_rule_version ORDER BY version`,
    );
    expect(versions.rows).toEqual([
      { version: 1, query_before: null, query_after: 'student loan' },
      { version: 2, query_before: 'student loan', query_after: 'student loan repayment' },
    ]);

    const kept = await client.request('PUT', '/api/workspace', { departments: [], sources: [] });
    expect(kept.body).toMatchObject({ departments: { deleted: [] }, sources: { deleted: [] } });
    const pruned = await client.request('PUT', '/api/workspace?prune=true', { departments: [], sources: [] });
    expect(pruned.body).toMatchObject({ departments: { deleted: ['dfe'] }, sources: { deleted: ['forum'] } });

    const audit = await db.query(
      `SELECT action, actor_label FROM audit_event WHERE action NOT LIKE 'auth.%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'department.create',
        'rule.create',
        'source.create',
        'rule.update',
        'department.delete',
        'source.delete',
      ]),
    );
    expect(audit.rows.every((r) => r.actor_label === ADMIN.email || r.actor_label === 'bootstrap')).toBe(
      true,
    );
  });

  it('lets only admins create users and apply workspaces', async () => {
    const client = await admin();
    await client.request('PUT', '/api/workspace', {
      departments: [{ key: 'dwp', name: 'Department for Work and Pensions' }],
    });
    const created = await client.request('POST', '/api/users', {
      email: 'viewer@example.gov.uk',
      name: 'Vera Viewer',
      password: 'viewer-password-long',
      memberships: [{ department: 'dwp', role: 'viewer' }],
    });
    expect(created.status).toBe(201);
    const duplicate = await client.request('POST', '/api/users', {
      email: 'VIEWER@example.gov.uk',
      name: 'Again',
      password: 'viewer-password-long',
    });
    expect(duplicate.status).toBe(409);

    const viewer = new TestApiClient(baseUrl);
    expect(await viewer.login('viewer@example.gov.uk', 'viewer-password-long')).toBe(200);
    expect(
      (await viewer.get<{ departments: { key: string }[] }>('/api/auth/me')).body.departments.map(
        (d) => d.key,
      ),
    ).toEqual(['dwp']);
    expect((await viewer.request('PUT', '/api/workspace', { departments: [] })).status).toBe(403);
    expect(
      (
        await viewer.request('POST', '/api/users', {
          email: 'x@example.gov.uk',
          name: 'X',
          password: 'long-enough-password',
        })
      ).status,
    ).toBe(403);
    const hashes = await db.query(`SELECT password_hash FROM app_user`);
    expect(hashes.rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
  });

  it('serves an OpenAPI document generated from the code', async () => {
    const { status, body } = await new TestApiClient(baseUrl).get<{ paths: Record<string, unknown> }>(
      '/api/docs/openapi.json',
    );
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/workspace',
        '/api/conversations',
        '/api/conversations/{id}',
        '/api/sources',
        '/api/users',
      ]),
    );
  });
});
