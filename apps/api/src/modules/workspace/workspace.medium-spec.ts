import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@parley/config';
import { TestApiClient, createTestEnvironment, type TestEnvironment } from '@parley/testing';
import { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.factory';
import { bootstrapCommand } from '../../cli/bootstrap.command';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };

const dfe = () => ({
  key: 'dfe',
  name: 'Department for Education',
  aliases: ['DfE'],
  accounts: [{ platform: 'web', handle: 'DfE Press Office', site: 'educationhub.blog.gov.uk' }],
  resources: [{ title: 'Term dates', url: 'https://www.gov.uk/school-term-holiday-dates', text: 'Dates' }],
  rules: [{ key: 'loans', name: 'Student loans', query: 'student loan' }],
});

describe('workspace documents: nothing is lost by a typo or an omission', () => {
  let env: TestEnvironment;
  let app: INestApplication;
  let db: Client;
  let admin: TestApiClient;

  beforeAll(async () => {
    env = await createTestEnvironment({
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    app = await createApp(loadConfig());
    await app.listen(0, '127.0.0.1');
    await bootstrapCommand(app, loadConfig());
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    admin = new TestApiClient(await app.getUrl());
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
  });

  afterAll(async () => {
    await db?.end();
    await app?.close();
    await env?.cleanup();
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
});
