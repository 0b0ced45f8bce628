import type { ConversationPage, RuleVersion } from '@parley/contracts';
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
const TITLE = 'When will my student loan repayments stop?';

describe('a public post travels from a feed to the web inbox', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  // One tab for the flows below, in order; each flow opens the page it needs, so one failing hides no other.
  let tab: Page;

  const signIn = async (shots: boolean) => {
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    if (shots) {
      await tab.screenshot({ path: resolve(SHOTS, 'sign-in.png'), fullPage: true });
      expect(await accessibilityViolations(tab)).toEqual([]);
    }
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
  };
  /** The flows after sign-in need a session: if signing in failed above, they sign in themselves. */
  const signedIn = async () => {
    if ((await tab.request.get(`${baseUrl}/api/auth/me`)).status() !== 200) await signIn(false);
  };
  const openRule = async () => {
    await signedIn();
    await tab.goto(`${baseUrl}/rules/dfe/student-loans`);
    const query = tab.getByRole('textbox', { name: /query/i });
    await query.waitFor({ timeout: 10_000 });
    return query;
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
          rssFeed('Money forum', [
            {
              guid: 'q1',
              title: TITLE,
              description:
                'I finished university in 2019. When do student loan repayments stop? Is there published guidance?',
              author: 'Alex',
            },
            {
              guid: 'q2',
              title: 'Cheap train tickets',
              description: 'Any tips for railcards?',
              author: 'Jo',
            },
          ]),
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
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
        },
      ],
      sources: [{ key: 'money-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  it('tags the matching post with the rule as the reason, in the API', async () => {
    const page = await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items.length > 0 && body;
    }, 20_000);
    expect(page.items[0]).toMatchObject({
      title: TITLE,
      tags: [expect.objectContaining({ department: 'dfe', rules: ['student-loans'] })],
    });
  });

  it('signs a person in from the sign-in page', async () => {
    await signIn(true);
  });

  it('lists the tagged conversation in the inbox with its rule, and leaves out what no rule matched', async () => {
    await signedIn();
    await tab.goto(`${baseUrl}/inbox?department=dfe&sort=score`);
    await tab.getByRole('link', { name: TITLE }).waitFor({ timeout: 20_000 });
    await expect(tab.getByText('student-loans').first().isVisible()).resolves.toBe(true);
    await expect(tab.getByText('Cheap train tickets').count()).resolves.toBe(0);
    await tab.screenshot({ path: resolve(SHOTS, 'inbox.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('opens the conversation from the inbox', async () => {
    await signedIn();
    await tab.goto(`${baseUrl}/inbox?department=dfe&sort=score`);
    const link = tab.getByRole('link', { name: TITLE });
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await tab
      .getByText(/published guidance/)
      .first()
      .waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'conversation.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('shows the source on the sources page', async () => {
    await signedIn();
    await tab.goto(`${baseUrl}/sources`);
    await tab.getByText('money-forum').first().waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'sources.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('previews a rule change over past conversations, and points at the position of a query error', async () => {
    const query = await openRule();
    await query.fill('"student loan" AND (repayments OR stop)');
    await tab.getByText(/Would have matched 1 conversation/).waitFor({ timeout: 10_000 });
    await tab.getByText('Checking the query…').waitFor({ state: 'detached', timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'rule-editor.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    await query.fill('student AND (loan');
    await tab
      .getByText(/position \d+/)
      .first()
      .waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'rule-editor-error.png'), fullPage: true });
  });

  it('refuses to save a rule someone else changed meanwhile, keeping what was typed', async () => {
    const query = await openRule();
    // Someone else saves the rule while this editor is open: saving from the old version is refused, visibly.
    const other = await admin.request('PUT', '/api/rules/dfe/student-loans', {
      name: 'Student loans',
      query: 'student loan OR "student finance"',
      reason: 'A colleague widened the rule',
      expectedVersion: 1,
    });
    expect(other.status).toBe(200);
    await query.fill('"student loan" AND repayments');
    await tab.getByText(/Would have matched 1 conversation/).waitFor({ timeout: 10_000 });
    await tab.getByRole('textbox', { name: /reason for the change/i }).fill('Only repayment questions');
    await tab.getByRole('button', { name: /save rule/i }).click();
    await tab
      .getByText(/changed by someone else/)
      .first()
      .waitFor({ timeout: 10_000 });
    // What was typed is kept, and the history shows the colleague's change.
    await expect(query.inputValue()).resolves.toBe('"student loan" AND repayments');
    await tab.getByText('A colleague widened the rule').waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'rule-editor-conflict.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    const versions = (await admin.get<RuleVersion[]>('/api/rules/dfe/student-loans/versions')).body;
    expect(versions[0]).toMatchObject({ version: 2, queryAfter: 'student loan OR "student finance"' });
  });
});
