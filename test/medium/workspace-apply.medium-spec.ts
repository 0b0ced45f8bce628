import type { TestApiClient } from '@parley/testing';
import type { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startParley, type Parley } from './harness';

const dfe = () => ({
  key: 'dfe',
  name: 'Department for Education',
  aliases: ['DfE'],
  accounts: [{ platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' }],
  resources: [{ title: 'Term dates', url: 'https://www.gov.uk/school-term-holiday-dates', text: 'Dates' }],
  rules: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
});

describe('workspace documents: nothing is lost by a typo or an omission', () => {
  let parley: Parley;
  let db: Client;
  let admin: TestApiClient;

  beforeAll(async () => {
    parley = await startParley();
    ({ db, admin } = parley);
  });

  afterAll(async () => {
    await parley?.close();
  });

  beforeEach(async () => {
    await db.query('DELETE FROM department');
    await db.query('DELETE FROM source');
    const seeded = await admin.request('PUT', '/api/workspace', { departments: [dfe()] });
    expect(seeded.status).toBe(200);
  });

  /** Everything stored about the department, to compare before and after. */
  const stored = async () => ({
    department: (await db.query('SELECT key, name, aliases, inbox_threshold FROM department')).rows,
    accounts: (await db.query('SELECT platform, handle, site FROM department_account')).rows,
    resources: (await db.query('SELECT title, url, text FROM department_resource')).rows,
    rules: (await db.query('SELECT key, name, query, enabled, version FROM listening_rule')).rows,
    sources: (await db.query('SELECT key, url, config, secrets FROM source')).rows,
  });
  const auditCount = async () =>
    Number((await db.query(`SELECT count(*) FROM audit_event WHERE action NOT LIKE 'auth.%'`)).rows[0].count);

  it('refuses `rule:` typed for `rules:`, names the key and the one meant, and changes nothing', async () => {
    const before = await stored();
    const audits = await auditCount();
    const { status, body } = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rule: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
    });
    expect(status).toBe(400);
    expect((body as { problems: unknown[] }).problems).toEqual([
      { path: 'departments[0].rule', message: 'unknown key "rule": did you mean "rules"?' },
    ]);
    expect(await stored()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("leaves a department's resources, accounts, aliases and rules alone when the document leaves them out", async () => {
    const before = await stored();
    const { status, body } = await admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'dfe', name: 'Department for Education', threshold: 40 }],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      departments: { updated: ['dfe'] },
      changes: [
        {
          action: 'update',
          entity: 'department',
          key: 'dfe',
          fields: ['threshold'],
          before: { threshold: 0 },
          after: { threshold: 40 },
        },
      ],
    });
    const after = await stored();
    expect({ ...after, department: [] }).toEqual({ ...before, department: [] });
    expect(after.department[0].inbox_threshold).toBe(40);
  });

  it('adds to a given list without removing what it leaves out; --prune makes the list exact', async () => {
    const extra = { title: 'Free school meals', url: 'https://www.gov.uk/apply-free-school-meals', text: '' };
    const added = await admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'dfe', name: 'Department for Education', resources: [extra] }],
    });
    expect(added.body).toMatchObject({ changes: [{ key: 'dfe', fields: ['resources'] }] });
    expect((await stored()).resources.map((r) => r.url).sort()).toEqual([
      'https://www.gov.uk/apply-free-school-meals',
      'https://www.gov.uk/school-term-holiday-dates',
    ]);
    const pruned = await admin.request('PUT', '/api/workspace?prune=true', {
      departments: [{ key: 'dfe', name: 'Department for Education', resources: [extra] }],
    });
    expect(pruned.status).toBe(200);
    const after = await stored();
    expect(after.resources.map((r) => r.url)).toEqual(['https://www.gov.uk/apply-free-school-meals']);
    // Lists the document does not give are left alone even with prune.
    expect(after.rules).toHaveLength(1);
    expect(after.accounts).toHaveLength(1);
  });

  it('prunes a rule by marking it deleted: its versions stay, and adding it back continues them', async () => {
    const pruned = await admin.request('PUT', '/api/workspace?prune=true', {
      departments: [{ key: 'dfe', name: 'Department for Education', rules: [] }],
    });
    expect(pruned.body).toMatchObject({ rules: { deleted: ['dfe/loans'] } });
    const rule = await db.query(`SELECT id, deleted_at, version FROM listening_rule WHERE key = 'loans'`);
    expect(rule.rows).toEqual([{ id: expect.any(String), deleted_at: expect.any(Date), version: 2 }]);
    const versions = async () =>
      (
        await db.query(
          `SELECT version, query_after, enabled, reason FROM listening_rule_version WHERE rule_id = $1 ORDER BY version`,
          [rule.rows[0].id],
        )
      ).rows;
    expect(await versions()).toEqual([
      { version: 1, query_after: 'student loan', enabled: true, reason: 'workspace document applied' },
      { version: 2, query_after: 'student loan', enabled: false, reason: expect.stringContaining('prune') },
    ]);
    expect((await admin.get<unknown[]>('/api/rules?department=dfe')).body).toEqual([]);
    const audit = await db.query(`SELECT before, after FROM audit_event WHERE action = 'rule.delete'`);
    expect(audit.rows).toHaveLength(1);

    const back = await admin.request('PUT', '/api/workspace', { departments: [dfe()] });
    expect(back.body).toMatchObject({ rules: { created: ['dfe/loans'] } });
    expect((await versions()).map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await db.query(`SELECT deleted_at FROM listening_rule`)).rows).toEqual([{ deleted_at: null }]);
  });

  it('answers a dry run with the exact change set, writing nothing and auditing nothing', async () => {
    const before = await stored();
    const audits = await auditCount();
    const { status, body } = await admin.request('PUT', '/api/workspace?dryRun=true&prune=true', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          aliases: ['DfE', 'Education department'],
          rules: [{ key: 'fees', name: 'Tuition fees', query: 'tuition fee*' }],
        },
        { key: 'dwp', name: 'Department for Work and Pensions' },
      ],
      sources: [{ key: 'blog', type: 'feed', url: 'https://example.org/feed.xml', interval: '15m' }],
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      dryRun: true,
      changes: [
        {
          action: 'update',
          entity: 'department',
          key: 'dfe',
          fields: ['aliases'],
          before: { aliases: ['DfE'] },
          after: { aliases: ['DfE', 'Education department'] },
        },
        {
          action: 'create',
          entity: 'department',
          key: 'dwp',
          fields: [
            'name',
            'aliases',
            'threshold',
            'sla',
            'accounts',
            'resources',
            'calendar',
            'partners',
            'alerts',
          ],
          after: {
            name: 'Department for Work and Pensions',
            aliases: [],
            threshold: 0,
            sla: null,
            accounts: [],
            resources: [],
            calendar: [],
            partners: [],
            alerts: {
              k: 2,
              expectedK: 4,
              minBaseline: 50,
              sentimentDropPoints: 20,
              email: true,
              webhook: true,
              digestAbove: 3,
            },
          },
        },
        {
          action: 'create',
          entity: 'rule',
          key: 'dfe/fees',
          fields: ['name', 'query', 'purpose', 'lawfulBasis', 'justification', 'namedPeople', 'enabled'],
          after: {
            name: 'Tuition fees',
            query: 'tuition fee*',
            purpose: null,
            lawfulBasis: null,
            justification: null,
            namedPeople: [],
            enabled: true,
          },
        },
        {
          action: 'delete',
          entity: 'rule',
          key: 'dfe/loans',
          fields: ['name', 'query', 'purpose', 'lawfulBasis', 'justification', 'namedPeople', 'enabled'],
          before: {
            name: 'Student loans',
            query: 'student loan',
            purpose: null,
            lawfulBasis: null,
            justification: null,
            namedPeople: [],
            enabled: true,
          },
        },
        {
          action: 'create',
          entity: 'source',
          key: 'blog',
          fields: ['name', 'type', 'url', 'interval', 'enabled', 'department', 'retention'],
          after: {
            name: null,
            type: 'feed',
            url: 'https://example.org/feed.xml',
            interval: '15m',
            enabled: true,
            department: null,
            retention: null,
            config: {},
          },
        },
      ],
      departments: { created: ['dwp'], updated: ['dfe'], deleted: [], unchanged: [] },
      rules: { created: ['dfe/fees'], updated: [], deleted: ['dfe/loans'], unchanged: [] },
      sources: { created: ['blog'], updated: [], deleted: [], unchanged: [] },
      electionPeriods: { created: [], updated: [], deleted: [], unchanged: [] },
      peers: { created: [], updated: [], deleted: [], unchanged: [] },
      retention: { created: [], updated: [], deleted: [], unchanged: [] },
      settings: { created: [], updated: [], deleted: [], unchanged: [] },
    });
    expect(await stored()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('reports every problem in one answer: unknown keys, shapes, settings and each bad query with its position', async () => {
    const before = await stored();
    const { status, body } = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          resorces: [],
          rules: [
            { key: 'a', name: 'Unclosed', query: '(student loan' },
            { key: 'b', name: 'Fine', query: 'student loan', enabeld: false },
            { key: 'c', name: 'Stop words', query: 'the and of' },
          ],
        },
      ],
      sources: [
        {
          key: 'reddit-uk',
          type: 'reddit',
          url: 'https://www.reddit.com/r/unitedkingdom',
          interval: '1m',
          config: { clientID: 'abc', clientSecret: 'shh' },
        },
      ],
      source: [],
    });
    expect(status).toBe(400);
    const problems = (body as { problems: { path: string; message: string; position?: number }[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'source', message: 'unknown key "source": did you mean "sources"?' },
        { path: 'departments[0].resorces', message: 'unknown key "resorces": did you mean "resources"?' },
        {
          path: 'departments[0].rules[1].enabeld',
          message: 'unknown key "enabeld": did you mean "enabled"?',
        },
        {
          path: 'sources[0].config.clientID',
          message: 'unknown setting for a reddit source "clientID": did you mean "clientId"?',
        },
        expect.objectContaining({ path: 'departments[0].rules[0].query', position: expect.any(Number) }),
        expect.objectContaining({ path: 'departments[0].rules[2].query', position: 0 }),
      ]),
    );
    expect(problems).toHaveLength(6);
    expect(await stored()).toEqual(before);
  });

  it('refuses to change an existing rule without expectedVersion (428); a new rule may leave it out', async () => {
    const rule = { name: 'Student loans', query: 'student loan repayment', reason: 'wider' };
    const refused = await admin.request('PUT', '/api/rules/dfe/loans', rule);
    expect(refused.status).toBe(428);
    expect(refused.body).toMatchObject({
      code: 'precondition_required',
      message: expect.stringContaining('send expectedVersion'),
    });
    expect((await stored()).rules[0]).toMatchObject({ query: 'student loan', version: 1 });
    expect((await admin.request('PUT', '/api/rules/dfe/loans', { ...rule, expectedVersion: 1 })).status).toBe(
      200,
    );
    expect((await admin.request('PUT', '/api/rules/dfe/fees', { ...rule, name: 'Fees' })).status).toBe(200);
  });

  it('refuses an account listed under a second department (a 400, not a 500) unless prune moves it', async () => {
    const account = dfe().accounts[0];
    const moved = {
      departments: [
        { key: 'dfe', name: 'Department for Education', accounts: [] },
        { key: 'press', name: 'Press office', accounts: [account] },
      ],
    };
    const refused = await admin.request('PUT', '/api/workspace', moved);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      problems: [
        { path: 'departments[1].accounts[0]', message: expect.stringContaining('department "dfe"') },
      ],
    });
    expect((await db.query('SELECT count(*)::int AS n FROM department')).rows[0].n).toBe(1);
    const pruned = await admin.request('PUT', '/api/workspace?prune=true', moved);
    expect(pruned.status).toBe(200);
    const owners = await db.query(
      'SELECT d.key FROM department_account a JOIN department d ON d.id = a.department_id',
    );
    expect(owners.rows).toEqual([{ key: 'press' }]);
  });
});
