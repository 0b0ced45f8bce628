import type { ConversationPage } from '@parley/contracts';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  rssFeed,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');
/** Kept beside the helper's notes too, so the lead can look at what changed. */
const NOTES = process.env.PARLEY_E2E_NOTES_SHOTS;
const TITLES = ['Pension age question', 'Pension credit question', 'Pension forecast question'];

describe('per-author view warnings in the browser', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  let tab: Page;
  const ids: string[] = [];

  const shot = async (name: string) => {
    await tab.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
    if (NOTES) await tab.screenshot({ path: resolve(NOTES, `topic-person-${name}.png`), fullPage: true });
  };
  /** A post's text in the thread (the tag's evidence quotes it too). */
  const postText = (title: string) =>
    tab.locator('.post__text', { hasText: `${title}: when does my pension start?` });
  const openConversation = async (id: string, title: string) => {
    await tab.goto(`${baseUrl}/conversations/${id}`);
    await tab.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
  };

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    server = await startFixtureServer({
      '/forum.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          rssFeed(
            'Money forum',
            TITLES.map((title, i) => ({
              guid: `q${i}`,
              title,
              description: `${title}: when does my pension start? Asked by the same person again.`,
              author: 'alice',
              pubDate: new Date(Date.now() - (i + 1) * 3_600_000),
            })),
          ),
        );
      },
    });
    const port = await freePort();
    env = await createTestEnvironment({
      PORT: String(port),
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    await runToEnd('apps/api/src/cli.js', env.env, ['bootstrap']);
    api = startProcess('apps/api/src/main.js', env.env);
    worker = startProcess('apps/worker/src/main.js', env.env);
    baseUrl = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${baseUrl}/api/health`)).ok, 30_000);
    browser = await launchBrowser();
    tab = await browser.newPage();
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dwp',
          name: 'Department for Work and Pensions',
          rules: [
            {
              key: 'pensions',
              name: 'Pensions',
              query: 'pension',
              purpose: 'Answer questions about pensions',
              lawfulBasis: 'public-task',
            },
          ],
        },
      ],
      sources: [{ key: 'money-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
      lawfulListening: { requireLawfulBasis: true, authorViewWarningAt: 2, authorViewReasonAt: 3 },
    });
    expect(applied.status).toBe(200);
    const page = await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dwp&limit=10');
      return body.items.length === TITLES.length && body;
    }, 30_000);
    for (const title of TITLES) ids.push(page.items.find((c) => c.title === title)?.id as string);
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  it('says nothing the first time, and warns from the second conversation by the same person', async () => {
    await openConversation(ids[0], TITLES[0]);
    await expect(tab.getByText(/directed surveillance/).count()).resolves.toBe(0);

    await openConversation(ids[1], TITLES[1]);
    const warning = tab.getByRole('region', { name: /You have looked at posts by alice often/ });
    await warning.waitFor({ timeout: 10_000 });
    await expect(warning.textContent()).resolves.toMatch(
      /opened 2 conversations .* last 28 days.*directed surveillance.*RIPA.*Home Office Covert Surveillance/s,
    );
    // The posts still show at the warning.
    await expect(postText(TITLES[1]).isVisible()).resolves.toBe(true);
    await shot('author-view-warning');
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('withholds the posts at the reason threshold until a reason is recorded', async () => {
    await openConversation(ids[2], TITLES[2]);
    const ask = tab.getByRole('region', { name: /Say why you need to read more posts by alice/ });
    await ask.waitFor({ timeout: 10_000 });
    await expect(postText(TITLES[2]).count()).resolves.toBe(0);
    await expect(tab.getByText(/This post is hidden until you say why/).isVisible()).resolves.toBe(true);
    await shot('author-view-reason-required');
    expect(await accessibilityViolations(tab)).toEqual([]);

    // Too short a reason is refused on the page, and nothing shows.
    await tab.getByLabel(/Why do you need to keep reading/).fill('work');
    await tab.getByRole('button', { name: 'Record reason and show posts' }).click();
    await tab
      .getByText(/at least 10 characters/)
      .first()
      .waitFor();

    await tab
      .getByLabel(/Why do you need to keep reading/)
      .fill('She has asked us three times about her state pension age; we are answering each question.');
    await tab.getByRole('button', { name: 'Record reason and show posts' }).click();
    await postText(TITLES[2]).waitFor({ timeout: 10_000 });
    await expect(ask.count()).resolves.toBe(0);
    await shot('author-view-reason-given');

    const audit = await admin.get<{ items: { action: string }[] }>('/api/audit?action=author-view');
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e) => e.action)).toContain('author-view.reason');
  });

  it('shows the data protection officer the counts and the reason', async () => {
    await tab.goto(`${baseUrl}/reports/author-views`);
    await tab.getByRole('heading', { level: 1, name: 'Repeated viewing of members of the public' }).waitFor();
    const row = tab.getByRole('row', { name: /alice/ });
    await row.waitFor({ timeout: 10_000 });
    await expect(row.textContent()).resolves.toMatch(/Reason asked for.*three times about her state pension/);
    await shot('author-views-report');
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('asks for a lawful basis and, for a rule on one person, a justification in the rule editor', async () => {
    await tab.goto(`${baseUrl}/rules/dwp/new`);
    await tab.getByRole('textbox', { name: 'Name' }).fill('One person');
    await tab.getByRole('textbox', { name: /query/i }).fill('pension author:alice');
    await tab.getByRole('textbox', { name: /purpose/i }).fill('Follow up her complaint');
    await tab.getByRole('textbox', { name: /reason for the change/i }).fill('Her complaint needs answers');
    await tab.getByRole('button', { name: 'Add rule' }).click();
    await tab
      .getByText(/Choose a lawful basis: your workspace requires one/)
      .first()
      .waitFor({ timeout: 10_000 });
    await expect(
      tab.getByText(/Give a justification: this rule follows an account/).count(),
    ).resolves.toBeGreaterThan(0);
    await shot('rule-editor-lawful-basis');

    await tab.getByLabel('Lawful basis').selectOption('public-task');
    await tab
      .getByRole('textbox', { name: /Justification for following a person/ })
      .fill('She complained publicly about a missed payment; we answer her threads only.');
    await tab.getByRole('button', { name: 'Add rule' }).click();
    await tab.waitForURL(/\/rules\/dwp\/one-person$/, { timeout: 10_000 });
    await tab.getByText(/This rule follows a named person \(@alice\)/).waitFor({ timeout: 10_000 });
    await shot('rule-person-note');
    await tab.goto(`${baseUrl}/rules?department=dwp`);
    await tab.getByText('Follows a person').waitFor({ timeout: 10_000 });
    await shot('rules-person-marker');
    expect(await accessibilityViolations(tab)).toEqual([]);
  });
});
