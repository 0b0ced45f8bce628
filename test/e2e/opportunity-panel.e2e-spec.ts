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
const TITLE = 'When will my student loan repayments stop?';

describe('working on a conversation from its page', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  let tab: Page;
  let conversationId: string;
  let opportunityId: string;

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
              description: 'I finished university in 2019. When do student loan repayments stop?',
              author: 'Alex',
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
          sla: { firstResponse: '4h' },
          rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
        },
        { key: 'slc', name: 'Student Loans Company' },
      ],
      sources: [{ key: 'money-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
    });
    expect(applied.status).toBe(200);
    const item = await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items[0];
    }, 20_000);
    conversationId = item.id;
    opportunityId = item.tags[0].opportunityId;
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  const panel = () => tab.getByRole('region', { name: /Department for Education: where it stands/ });

  it('shows where it stands and takes it on', async () => {
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    await panel().waitFor({ timeout: 15_000 });
    await expect(panel().getByText('New', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(tab)).toEqual([]);
    await panel().getByRole('button', { name: 'Take it myself' }).click();
    await panel().getByRole('status').getByText('You have taken it on').waitFor({ timeout: 10_000 });
    await expect(panel().getByText('Assigned', { exact: true }).isVisible()).resolves.toBe(true);
    // Focus moves to the status heading, so a screen reader hears where it now stands.
    await expect(tab.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(
      /where it stands/,
    );
    await tab.screenshot({ path: resolve(SHOTS, 'opportunity-panel.png'), fullPage: true });
  });

  it('summarises what is missing, and keeps what was typed when someone else changed it meanwhile', async () => {
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    await panel().waitFor({ timeout: 15_000 });
    await panel().locator('summary', { hasText: 'Decline it' }).click();
    const decline = tab.getByRole('form', { name: 'Decline it' });
    await decline.getByLabel('Why are you declining it?').selectOption('other');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await decline.getByRole('alert').getByText('Say why in the note').waitFor({ timeout: 5_000 });
    expect(await accessibilityViolations(tab)).toEqual([]);

    // A colleague adds a note meanwhile: the version this page holds is no longer current.
    expect(
      (await admin.request('POST', `/api/opportunities/${opportunityId}/notes`, { text: 'On it?' })).status,
    ).toBe(201);
    const note = decline.getByLabel(/Note/);
    await note.fill('A spam account posting the same question everywhere');
    await decline.getByRole('button', { name: 'Decline' }).click();
    await decline
      .getByRole('alert')
      .getByText(/Someone else changed this conversation/)
      .waitFor({ timeout: 10_000 });
    await expect(note.inputValue()).resolves.toBe('A spam account posting the same question everywhere');
    await tab.getByText('On it?').waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'opportunity-panel-conflict.png'), fullPage: true });

    await decline.getByRole('button', { name: 'Decline' }).click();
    await panel()
      .getByRole('status')
      .getByText('Declined: Other (say why in the note)')
      .waitFor({ timeout: 10_000 });
    await panel().getByText('Declined it: Other (say why in the note)').waitFor({ timeout: 10_000 });
    await expect(panel().locator('summary', { hasText: 'Reopen it' }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('reopens it, refers it to another department with a note, and that department sees where it came from', async () => {
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    await panel().waitFor({ timeout: 15_000 });
    await panel().locator('summary', { hasText: 'Reopen it' }).click();
    await tab.getByRole('form', { name: 'Reopen it' }).getByRole('button', { name: 'Reopen' }).click();
    await panel()
      .getByRole('status')
      .getByText(/Reopened/)
      .waitFor({ timeout: 10_000 });
    await panel().locator('summary', { hasText: 'Refer it' }).click();
    const refer = tab.getByRole('form', { name: 'Refer it' });
    await refer.getByLabel('Refer it to').selectOption({ label: 'Student Loans Company' });
    await refer
      .getByLabel('Note for whoever picks it up')
      .fill('Repayment dates are for the Student Loans Company.');
    await refer.getByRole('button', { name: 'Refer' }).click();
    await panel()
      .getByRole('status')
      .getByText('Referred to Student Loans Company')
      .waitFor({ timeout: 10_000 });
    // The conversation is now theirs too: the page (a workspace administrator sees both) shows their side.
    await tab.reload();
    const theirs = tab.getByRole('region', { name: /Student Loans Company: where it stands/ });
    await theirs.waitFor({ timeout: 15_000 });
    await theirs.getByText('Referred here by Department for Education').waitFor({ timeout: 10_000 });
    await theirs.getByText('Repayment dates are for the Student Loans Company.').waitFor({ timeout: 10_000 });
    const note = theirs.getByRole('form', { name: 'Add an internal note' });
    await note.getByLabel('Note').fill('Taking this one. @admin@example.gov.uk fyi');
    await note.getByRole('button', { name: 'Add note' }).click();
    await theirs.getByText('(mentions Administrator)').waitFor({ timeout: 10_000 });
    await tab.screenshot({ path: resolve(SHOTS, 'opportunity-referred.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });
});
