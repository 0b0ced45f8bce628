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
const OFFICER = { email: 'officer@dft.example.gov.uk', password: 'officer-long-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');
const TITLES = [
  'Train strike on Monday: are trains running?',
  'Railcard renewal for train travel keeps failing',
  'Ferry and train timetable for the winter',
  'Are train fares going up in January?',
];

describe('taking part from the inbox: filters in the URL, My work, shortcuts and bulk actions', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let tab: Page;

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
            'Travel forum',
            TITLES.map((title, i) => ({
              guid: `t${i}`,
              title,
              description: `${title} Does anyone know? I could not find it on GOV.UK.`,
              author: `Person ${i}`,
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
    const admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dft',
          name: 'Department for Transport',
          rules: [{ key: 'trains', name: 'Trains', query: 'train' }],
        },
      ],
      sources: [{ key: 'travel-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
    });
    expect(applied.status).toBe(200);
    const officer = await admin.request('POST', '/api/users', {
      email: OFFICER.email,
      name: 'Olu Officer',
      password: OFFICER.password,
      memberships: [{ department: 'dft', role: 'comms' }],
    });
    expect(officer.status).toBe(201);
    await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dft');
      return body.items.length === TITLES.length;
    }, 30_000);
    browser = await launchBrowser();
    tab = await browser.newPage();
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(OFFICER.email);
    await tab.getByLabel(/password/i).fill(OFFICER.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  const cards = () => tab.locator('.conversation-list > li');
  const showing = (n: number) =>
    tab.getByText(`Showing ${n} ${n === 1 ? 'conversation' : 'conversations'}`, { exact: true });

  it('keeps the filters in the URL, so the link reproduces the view', async () => {
    await tab.goto(`${baseUrl}/inbox?department=dft&sort=score`);
    await showing(TITLES.length).waitFor({ timeout: 20_000 });
    await tab.getByLabel('Words in the conversation').fill('ferry');
    await tab.getByLabel('Assigned to').selectOption('nobody');
    await tab.getByRole('button', { name: 'Show conversations' }).click();
    await showing(1).waitFor({ timeout: 10_000 });
    const url = new URL(tab.url());
    expect(url.searchParams.get('q')).toBe('ferry');
    expect(url.searchParams.get('assignee')).toBe('nobody');
    await tab.goto(url.toString());
    await showing(1).waitFor({ timeout: 10_000 });
    await expect(tab.getByRole('link', { name: TITLES[2] }).isVisible()).resolves.toBe(true);
    await expect(tab.getByLabel('Words in the conversation').inputValue()).resolves.toBe('ferry');
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('moves with j and k, assigns to me with a, and shows it in My work', async () => {
    await tab.goto(`${baseUrl}/inbox?department=dft&sort=recent`);
    await showing(TITLES.length).waitFor({ timeout: 20_000 });
    await expect(cards().first().getByText('Nobody is assigned').isVisible()).resolves.toBe(true);
    await tab.keyboard.press('j');
    await tab.keyboard.press('j');
    await tab.keyboard.press('k');
    // The first card (most recent: TITLES[0]) is current and its link has focus.
    await expect(tab.evaluate(() => document.activeElement?.textContent)).resolves.toBe(TITLES[0]);
    await tab.keyboard.press('a');
    await tab.getByText('1 conversation assigned to you.').waitFor({ timeout: 10_000 });
    await cards().first().getByText('Assigned to you').waitFor({ timeout: 10_000 });
    await tab.getByRole('link', { name: 'My work' }).click();
    await tab.getByRole('heading', { name: 'My work' }).waitFor({ timeout: 10_000 });
    await showing(1).waitFor({ timeout: 10_000 });
    await expect(tab.getByRole('link', { name: TITLES[0] }).isVisible()).resolves.toBe(true);
    expect(new URL(tab.url()).searchParams.get('assignee')).toBe('me');
    // One set of filters, showing the view's own choices.
    await expect(tab.getByRole('form', { name: 'Choose conversations' }).count()).resolves.toBe(1);
    await expect(tab.getByLabel('Assigned to').inputValue()).resolves.toBe('me');
    await tab.screenshot({ path: resolve(SHOTS, 'inbox-my-work.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('types a shortcut letter into the search box without acting on it, and shows help on ?', async () => {
    await tab.goto(`${baseUrl}/inbox?department=dft&sort=recent`);
    await showing(TITLES.length).waitFor({ timeout: 20_000 });
    const words = tab.getByLabel('Words in the conversation');
    await words.click();
    await tab.keyboard.type('jad?');
    await expect(words.inputValue()).resolves.toBe('jad?');
    await expect(tab.getByRole('dialog').count()).resolves.toBe(0);
    await words.blur();
    await tab.locator('h1').click();
    await tab.keyboard.press('?');
    const help = tab.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor({ timeout: 5_000 });
    await expect(help.getByText('Assign the current conversation to yourself').isVisible()).resolves.toBe(
      true,
    );
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('declines several selected conversations at once, with a reason', async () => {
    await tab.goto(`${baseUrl}/inbox?department=dft&sort=recent`);
    await showing(TITLES.length).waitFor({ timeout: 20_000 });
    await tab.getByRole('checkbox', { name: `Select ${TITLES[2]}` }).check();
    await tab.getByRole('checkbox', { name: `Select ${TITLES[3]}` }).check();
    await tab.getByText('2 conversations selected').waitFor();
    await tab.getByRole('button', { name: 'Decline…' }).click();
    const dialog = tab.getByRole('dialog', { name: 'Decline 2 conversations' });
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await dialog.getByText('Choose why you are declining').first().waitFor();
    await dialog.getByLabel('Already answered').check();
    await dialog.getByRole('button', { name: 'Decline' }).click();
    await tab.getByText('2 conversations declined.').waitFor({ timeout: 10_000 });
    await expect(
      tab.locator('.conversation', { hasText: TITLES[3] }).getByText('Declined').isVisible(),
    ).resolves.toBe(true);
    await tab.goto(`${baseUrl}/inbox?department=dft&sort=recent&status=declined`);
    await showing(2).waitFor({ timeout: 10_000 });
    // Finished work cannot be chosen for a bulk action.
    await expect(tab.getByRole('checkbox', { name: /^Select / }).count()).resolves.toBe(0);
    await tab.screenshot({ path: resolve(SHOTS, 'inbox-declined.png'), fullPage: true });
  });
});
