import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  rssFeed,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import type { ConversationPage, User } from '@parley/contracts';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const SHOTS = resolve(ROOT, 'test-results/e2e');

const forum = rssFeed('Forum', [
  {
    guid: 'loan-1',
    title: 'Student loan repayments after moving abroad',
    description: 'Where do I find the guidance on repaying my student loan from abroad?',
    pubDate: new Date(Date.now() - 3_600_000),
  },
]);

describe('notifications in the browser', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let baseUrl: string;
  let admin: TestApiClient;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let cal: User;

  const shoot = async (tab: Page, name: string) => {
    await tab.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  };
  const signInPage = async (email: string) => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill(email);
    await tab.getByLabel(/password/i).fill(PASSWORD);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    return tab;
  };
  const banner = (tab: Page) => tab.getByRole('alert').filter({ hasText: 'Success' });

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    server = await startFixtureServer({
      '/forum.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(forum);
      },
      '/hook': (_req, res) => {
        res.writeHead(200).end('ok');
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
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'loans', name: 'Loans', query: 'loan' }],
        },
      ],
      sources: [{ key: 'forum', type: 'feed', url: server.url('/forum.xml'), interval: '1h' }],
    });
    for (const [email, name, role] of [
      ['cal@example.gov.uk', 'Cal Comms', 'comms'],
      ['dana@example.gov.uk', 'Dana Admin', 'admin'],
    ]) {
      const created = await admin.request('POST', '/api/users', {
        email,
        name,
        password: PASSWORD,
        memberships: [{ department: 'dfe', role }],
      });
      expect(created.status).toBe(201);
      if (email.startsWith('cal')) cal = created.body as User;
    }
    await eventually(
      async () => (await admin.get<ConversationPage>('/api/conversations?department=dfe')).body.items[0],
      30_000,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop(worker);
    await stop(api);
    await env?.cleanup();
    await server?.close();
  });

  it('chooses email on the account page; an assignment reaches the assignee and an open conversation page live', async () => {
    const tab = await signInPage('cal@example.gov.uk');
    await tab.getByRole('link', { name: 'Your account' }).click();
    await tab.getByRole('heading', { name: 'Notifications by email' }).waitFor({ timeout: 10_000 });
    await tab.getByLabel('A conversation is assigned to me').check();
    await tab.getByRole('button', { name: 'Save email choices' }).click();
    await banner(tab).getByText('Your email choices are saved').waitFor({ timeout: 10_000 });
    await shoot(tab, 'notifications-account');

    await tab.getByRole('link', { name: /^Notifications/ }).click();
    await tab.getByRole('heading', { name: 'No notifications yet' }).waitFor({ timeout: 10_000 });
    await shoot(tab, 'notifications-empty');

    const page = await admin.get<ConversationPage>('/api/conversations?department=dfe');
    const conversation = page.body.items[0];
    const opportunityId = conversation.tags[0].opportunityId;
    // A colleague has the conversation open meanwhile: the change reaches their page too.
    const colleague = await signInPage('dana@example.gov.uk');
    await colleague.goto(`${baseUrl}/conversations/${conversation.id}`);
    const assignedTo = colleague.locator('.summary-list__row', { hasText: 'Assigned to' }).first();
    await assignedTo.getByText('Nobody yet').waitFor({ timeout: 15_000 });
    const { version } = (await admin.get<{ version: number }>(`/api/opportunities/${opportunityId}`)).body;
    const assigned = await admin.request('POST', `/api/opportunities/${opportunityId}/assign`, {
      expectedVersion: version,
      assigneeId: cal.id,
    });
    expect(assigned.status).toBe(200);

    // The stream tells the open page: the count in the header and the list change by themselves.
    await tab.getByRole('link', { name: 'Notifications 1 unread' }).waitFor({ timeout: 20_000 });
    await assignedTo.getByText('Cal Comms').waitFor({ timeout: 20_000 });
    await colleague.context().close();
    const item = tab.getByRole('link', {
      name: /assigned “Student loan repayments after moving abroad” to you/,
    });
    await item.waitFor({ timeout: 10_000 });
    await shoot(tab, 'notifications-list');
    await item.click();
    await tab
      .getByRole('heading', { name: /Student loan repayments/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await tab
      .getByRole('link', { name: 'Notifications 1 unread' })
      .waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('lets a department admin add a webhook and read its delivery log', async () => {
    const tab = await signInPage('dana@example.gov.uk');
    await tab.getByRole('link', { name: 'People' }).click();
    await tab.getByRole('link', { name: /Webhooks of Department for Education/ }).click();
    await tab.getByRole('heading', { name: /has no webhooks yet/ }).waitFor({ timeout: 10_000 });
    await tab.getByRole('button', { name: 'Add webhook' }).click();
    await tab.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor({ timeout: 10_000 });
    await shoot(tab, 'webhooks-errors');

    await tab.getByLabel('Name').fill('Comms team channel');
    await tab.getByLabel('Webhook URL').fill(server.url('/hook'));
    await tab.getByLabel('A first response is overdue').check();
    await tab.getByRole('button', { name: 'Add webhook' }).click();
    await banner(tab).getByText('Comms team channel is added').waitFor({ timeout: 10_000 });
    await tab.getByRole('heading', { name: /Comms team channel/ }).waitFor({ timeout: 10_000 });
    await tab.getByRole('button', { name: /Show delivery log/ }).click();
    await tab.getByText('Nothing has been posted to Comms team channel yet.').waitFor({ timeout: 10_000 });
    await shoot(tab, 'webhooks');
    expect(await tab.content()).not.toContain('/hook');
  });
});
