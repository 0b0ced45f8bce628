import type { ConversationPage } from '@parley/contracts';
import { ukDate } from '@parley/domain';
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
const TITLE = 'Student loan repayment question';
const day = (days: number) => ukDate(new Date(Date.now() + days * 86_400_000));

const department = {
  key: 'dfe',
  name: 'Department for Education',
  rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
  resources: [
    {
      title: 'Repaying your student loan',
      url: 'https://www.gov.uk/repaying-your-student-loan',
      text:
        'You repay your student loan when your income is over the repayment threshold for your plan. How much ' +
        'you repay each month depends on which repayment plan you are on: Plan 1, Plan 2, Plan 4, Plan 5 or ' +
        'Postgraduate Loan. You pay 9% of your income over the threshold. Your employer takes repayments from ' +
        'your salary through PAYE.',
    },
  ],
};

describe('an election period shows across the web app', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  let tab: Page;
  const period = { name: 'Local elections', from: day(-1), to: day(30) };

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
                "I've just started my first job on £27k. How much will I repay on my student loan each month? I'm on Plan 2 and confused about the threshold.",
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
      departments: [department],
      sources: [{ key: 'money-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
      electionPeriods: [period],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  it('shows the banner on every page and marks the public-information suggestion in the inbox', async () => {
    // The question is answered by the department's published page, so its suggested route is public information.
    await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items?.some((item) => item.tags.some((t) => t.route === 'public-info'));
    }, 30_000);

    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });

    const banner = tab.getByRole('region', { name: 'Election period' });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toContain(
      'Election period: Local elections until ' +
        new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${period.to}T00:00:00Z`)) +
        '. Proactive posts need a manager’s approval.',
    );
    const card = tab.getByRole('article', { name: TITLE });
    await card.getByText('Election period', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain('a proactive post needs a manager’s approval');
    await tab.screenshot({ path: resolve(SHOTS, 'election-period-inbox.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);

    await tab.goto(`${baseUrl}/sources`);
    await tab
      .getByRole('heading', { name: /sources/i })
      .first()
      .waitFor({ timeout: 10_000 });
    await banner.waitFor({ timeout: 10_000 });
  });

  it('shows neither once the period is removed', async () => {
    expect((await admin.request('PUT', '/api/workspace?prune=true', { electionPeriods: [] })).status).toBe(
      200,
    );
    await tab.goto(`${baseUrl}/inbox?department=dfe`);
    await tab.getByRole('article', { name: TITLE }).waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('region', { name: 'Election period' }).count()).toBe(0);
    expect(await tab.getByText('Election period', { exact: true }).count()).toBe(0);
  });
});
