import { createDataSource, MentionRollupRepository, SentimentRepository } from '@parley/db';
import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const SHOTS = resolve(ROOT, 'test-results/e2e');

describe('checking sentiment: a policy official labels a sample with the keyboard', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let browser: Browser;
  let baseUrl: string;
  let db: Client;

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    env = await createTestEnvironment({
      PORT: String(port),
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    await runToEnd('apps/api/src/cli.js', env.env, ['bootstrap']);
    api = startProcess('apps/api/src/main.js', env.env);
    baseUrl = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${baseUrl}/api/health`)).ok, 30_000);
    const admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    await admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'dft', name: 'Department for Transport' }],
    });
    const created = await admin.request('POST', '/api/users', {
      email: 'pat@example.gov.uk',
      name: 'Pat Policy',
      password: PASSWORD,
      memberships: [{ department: 'dft', role: 'policy' }],
    });
    expect(created.status).toBe(201);
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    const [{ id: sourceId }] = (
      await db.query(
        `INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id`,
      )
    ).rows;
    const texts = [
      'Department for Transport: the new trains are great',
      'Department for Transport the delays are terrible',
      'Department for Transport timetable published today',
    ];
    for (const [i, text] of texts.entries()) {
      await db.query(
        `INSERT INTO post (source_id, external_id, platform, text, published_at, author_name, url)
         VALUES ($1, $2, 'web', $3, now() - interval '2 hours', 'A member of the public', 'https://example.org/p')`,
        [sourceId, `p${i}`, text],
      );
    }
    // The worker's roll-up job, run here so the test need not wait for its schedule.
    const dataSource = await createDataSource(env.databaseUrl, { poolSize: 1 }).initialize();
    await new RollUpSentimentHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
    ).handle();
    await dataSource.destroy();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await stop(api);
    await env?.cleanup();
  });

  it('labels two posts and skips one with the keys, and sees the accuracy it measured', async () => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill('pat@example.gov.uk');
    await tab.getByLabel(/password/i).fill(PASSWORD);
    await tab.getByRole('button', { name: /sign in/i }).click();
    // Under the header's one "Dashboards" link, beside the dashboards whose sentiment figures it checks.
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await tab.getByRole('link', { name: 'Check sentiment' }).click();
    await tab.getByRole('heading', { name: 'Post 1 of 3' }).waitFor();
    await expect.poll(() => tab.getByText('Nobody has checked the classifier here yet').count()).toBe(1);
    await tab.screenshot({ path: resolve(SHOTS, 'sentiment-labels.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);

    // Each post the way the person reads it: the classifier agrees on "great" (positive) and "terrible"
    // (negative), and the timetable post is skipped. The order is random, so the key follows the text.
    for (let i = 1; i <= 3; i++) {
      await tab.getByRole('heading', { name: `Post ${i} of 3` }).waitFor();
      const text = await tab.locator('.sentiment-post__text').innerText();
      await tab.keyboard.press(text.includes('great') ? '3' : text.includes('terrible') ? '1' : 's');
    }
    await tab.getByRole('heading', { name: 'Thank you' }).waitFor();
    await tab.getByText('You labelled 2 posts and skipped 1.').waitFor();
    // 2 of 2 agree: 100%, Wilson 95% for 2 of 2 = [0.342, 1] → "between 34% and 100%".
    await tab
      .getByText(
        'When people checked 2 posts, the classifier agreed with them on 100% (95% confidence: between 34% and 100%).',
      )
      .waitFor();
    await tab.screenshot({ path: resolve(SHOTS, 'sentiment-labels-done.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    const labels = (await db.query(`SELECT label FROM sentiment_label ORDER BY label`)).rows.map(
      (r) => r.label,
    );
    expect(labels).toEqual(['negative', 'positive']);
  });
});
