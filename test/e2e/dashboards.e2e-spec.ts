import type { ConversationPage, MetricsResponse, ThemesResponse } from '@parley/contracts';
import { MentionRollupRepository, SentimentRepository, ThemeRepository, createDataSource } from '@parley/db';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  rssFeed,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');
const PEOPLE = {
  manager: { email: 'morgan@dfe.example.gov.uk', name: 'Morgan Manager', role: 'manager' },
  policy: { email: 'pat@dfe.example.gov.uk', name: 'Pat Policy', role: 'policy' },
} as const;
type Person = keyof typeof PEOPLE;
const passwordOf = (who: Person) => `${who}-long-password`;

/**
 * Three questions about exam appeals, each its own conversation: three opportunities for the department today.
 * Each names the department, so each is also one of its public mentions (what the posts behind a bar list), and
 * all three share "exam appeal", so the themes roll-up makes a theme of them. One reads as angry, one as grateful.
 */
const QUESTIONS = [
  'How do I appeal my exam grade? The Department for Education deadline has passed and this is awful, terrible.',
  'Is there an exam appeal fee for private candidates? Thank you Department for Education, the guide is great.',
  'Can a college refuse to send my exam appeal to the board? Asking the Department for Education.',
];

/**
 * The "Done when" for the dashboards: a manager opens the evaluation dashboard with a comparison period,
 * drills from a bar to the posts behind it and switches a chart to its table; a policy official opens what the
 * public says. Axe is clean at every step. Only `opportunities` is certain to answer on every branch, so the
 * numbers asserted are its; every other tile must say a value or "No data yet", never a blank or a crash.
 */
describe('dashboards: the figures a manager and a policy official open', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  const tabs = {} as Record<Person, Page>;
  let themeLabel = '';

  const signIn = async (who: Person) => {
    if (tabs[who]) return tabs[who];
    const tab = await (
      await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
    ).newPage();
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(PEOPLE[who].email);
    await tab.getByLabel(/password/i).fill(passwordOf(who));
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    tabs[who] = tab;
    return tab;
  };
  /** A full-page screenshot at 1280 px and at 320 px (copied to /tmp to be looked at), axe clean at each width. */
  const shot = async (tab: Page, name: string) => {
    for (const width of [1280, 320]) {
      await tab.setViewportSize({ width, height: 900 });
      const path = resolve(SHOTS, `dashboards-${name}-${width}.png`);
      await tab.screenshot({ path, fullPage: true });
      copyFileSync(path, `/tmp/web-finish-${name}-${width}.png`);
      expect(await accessibilityViolations(tab)).toEqual([]);
    }
    await tab.setViewportSize({ width: 1280, height: 900 });
  };
  /** The header's one "Dashboards" link, then a page of that section by its name. */
  const openDashboard = async (tab: Page, name: string) => {
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await tab.getByRole('heading', { name: 'Dashboards and reports', level: 1 }).waitFor({ timeout: 15_000 });
    await tab.getByRole('link', { name, exact: true }).click();
  };
  /** Every tile says something: a value, "No data" (a zero denominator) or "No data yet" (not worked out). */
  const expectEveryTileSaysSomething = async (tab: Page) => {
    const values = await tab.locator('.tile__value').allTextContents();
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value.trim()).not.toBe('');
  };
  const chart = (tab: Page, title: string) => tab.getByRole('figure', { name: title });

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
            'Parents forum',
            QUESTIONS.map((question, at) => ({
              guid: `q${at}`,
              title: question,
              description: question,
              author: `parent${at}`,
              pubDate: new Date(Date.now() - (at + 1) * 600_000),
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
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'appeals', name: 'Exam appeals', query: 'appeal' }],
        },
      ],
      sources: [{ key: 'parents-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    for (const who of Object.keys(PEOPLE) as Person[]) {
      const created = await admin.request('POST', '/api/users', {
        email: PEOPLE[who].email,
        name: PEOPLE[who].name,
        password: passwordOf(who),
        memberships: [{ department: 'dfe', role: PEOPLE[who].role }],
      });
      expect(created.status).toBe(201);
    }
    await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items.length === QUESTIONS.length;
    }, 60_000);
    // The figure the dashboards must show, from the api itself: three conversations, three opportunities.
    const today = new Date().toISOString().slice(0, 10);
    const { body } = await admin.get<MetricsResponse>(
      `/api/metrics?department=dfe&from=2026-01-01&to=${today}T23:59:59Z&compare=none`,
    );
    expect(body.metrics.opportunities?.value).toBe(QUESTIONS.length);
    // The worker's three roll-ups, run here once the posts are in so the test need not wait for their schedule
    // (the worker's own runs do the same work; each is idempotent).
    const dataSource = await createDataSource(env.databaseUrl, { poolSize: 1 }).initialize();
    await new RollUpMentionsHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
      new ThemeRepository(),
    ).handle();
    await new RollUpSentimentHandler(
      dataSource,
      new MentionRollupRepository(),
      new SentimentRepository(),
    ).handle();
    await new RollUpThemesHandler(dataSource, new ThemeRepository()).handle();
    await dataSource.destroy();
    const rolled = await admin.get<MetricsResponse>(
      `/api/metrics?department=dfe&from=2026-01-01&to=${today}T23:59:59Z&compare=none`,
    );
    // Three mentions, each with a tone: net sentiment has n = 3.
    expect(rolled.body.metrics.velocity?.value).toBe(QUESTIONS.length);
    expect(rolled.body.metrics.net_sentiment?.n).toBe(QUESTIONS.length);
    const themes = await admin.get<ThemesResponse>(
      `/api/themes?department=dfe&from=2026-01-01&to=${today}T23:59:59Z&compare=none`,
    );
    expect(themes.body.themes.length, JSON.stringify(themes.body)).toBeGreaterThan(0);
    themeLabel = themes.body.themes[0].label;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  it('a manager opens the evaluation dashboard with the previous period to compare', async () => {
    const tab = await signIn('manager');
    await openDashboard(tab, 'Evaluation');
    await tab.getByRole('heading', { name: /^Evaluation/, level: 1 }).waitFor({ timeout: 15_000 });
    await tab.getByLabel('Period', { exact: true }).selectOption('30d');
    await tab.getByLabel('Compare with').selectOption('previous');
    await tab.getByRole('button', { name: 'Show figures' }).click();
    await tab.getByText(/, compared with /).waitFor({ timeout: 15_000 });
    // The link reproduces the view.
    expect(new URL(tab.url()).searchParams.get('compare')).toBe('previous');
    expect(new URL(tab.url()).searchParams.get('period')).toBe('30d');

    const stages = tab.locator('.tile-grid--stages > .tile');
    await expect.poll(() => stages.count()).toBe(6);
    const inputs = tab.getByRole('article', { name: 'Opportunities found' }).first();
    // 3 opportunities today, none in the 30 days before: 3, a small sample (n = 3 < 30), no relative change (÷ 0).
    await expect.poll(() => inputs.locator('.tile__value').textContent()).toBe('3');
    await inputs.getByText('Small sample').waitFor();
    await inputs.getByText('How is this worked out?').click();
    await inputs.getByText(/distinct conversations in which Parley found a new opportunity/).waitFor();
    await expectEveryTileSaysSomething(tab);
    await shot(tab, 'evaluation');
  });

  it('drills from a bar to the posts behind it', async () => {
    const tab = await signIn('manager');
    const opportunities = chart(tab, 'Opportunities found over the period');
    // Today's is the only bar with a height (three opportunities); the days before have none.
    const bar = opportunities.locator('.recharts-bar-rectangle path').last();
    // The pointer over a bar makes it the active one (as the arrow keys do); the click then opens its posts.
    await bar.hover();
    await bar.click();
    const posts = tab.getByRole('region', { name: /^Posts behind opportunities/ });
    await posts.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => posts.getByRole('heading').evaluate((h) => h === document.activeElement))
      .toBe(true);
    // Today's three questions, each a public mention of the department.
    await posts.getByText('Showing 3 of 3 posts').waitFor({ timeout: 15_000 });
    for (const question of QUESTIONS) await posts.getByText(question).waitFor();
    await shot(tab, 'evaluation-drill-down');
    await posts.getByRole('button', { name: 'Close the posts' }).click();
    await posts.waitFor({ state: 'detached' });
  });

  it('switches a chart to its table', async () => {
    const tab = await signIn('manager');
    const opportunities = chart(tab, 'Opportunities found over the period');
    await opportunities.getByRole('button', { name: /^Show as table/ }).click();
    const table = opportunities.getByRole('table', { name: 'Opportunities found over the period' });
    await table.waitFor();
    // 30 London days, one row each; today's holds the three.
    expect(await table.locator('tbody tr').count()).toBe(30);
    expect(await table.locator('tbody tr').last().locator('td').first().textContent()).toBe('3');
    await expect.poll(() => opportunities.getByRole('button', { name: /^Show as chart/ }).count()).toBe(1);
    await shot(tab, 'evaluation-table');
  });

  it('downloads the overview as a PDF and its tables as CSV, from the evaluation dashboard', async () => {
    const tab = await signIn('manager');
    await tab
      .getByRole('navigation', { name: 'Dashboards and reports' })
      .getByRole('link', { name: 'Impact report' })
      .click();
    await tab.getByRole('heading', { name: 'Impact report', level: 1 }).waitFor({ timeout: 15_000 });
    // The report opens on last month; today's three opportunities need a period that holds today (London).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    await tab.getByLabel('From').fill(`${today.slice(0, 8)}01`);
    await tab.getByLabel('To (included)').fill(today);
    await tab.getByRole('button', { name: 'Show report' }).click();
    // None of the three was joined: 0 of 3, the theme heard and the tone of three posts.
    await tab
      .getByText(/^We took part in 0 of 3 conversations where there was an opportunity/)
      .waitFor({ timeout: 30_000 });
    await shot(tab, 'report');
    const [pdf] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const pdfPath = resolve(SHOTS, 'dashboards-overview.pdf');
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.suggestedFilename()).toMatch(/^parley-impact-dfe-overview-.*\.pdf$/);
    const [csv] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const csvPath = resolve(SHOTS, 'dashboards-overview.csv');
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^"Report",/);
    expect(lines).toContain('"Level","overview"');
  });

  it('a policy official opens what the public says: themes and tone, each drilling to its posts', async () => {
    const tab = await signIn('policy');
    await openDashboard(tab, 'What the public says');
    await tab.getByRole('heading', { name: /^What the public says/, level: 1 }).waitFor({ timeout: 15_000 });
    await tab.getByRole('heading', { name: 'Themes', level: 2 }).waitFor({ timeout: 15_000 });
    await tab.getByRole('heading', { name: 'Tone', level: 2 }).waitFor();
    // The theme the roll-up made, with its share of the three on-topic posts (all three: 100%) and a quote.
    const theme = tab.locator('.theme-list__item').filter({ hasText: themeLabel });
    await theme.getByText(/^100(\.0)?% of on-topic posts/).waitFor({ timeout: 15_000 });
    await theme.locator('blockquote').waitFor();
    // Net sentiment from 3 posts; beside it, that nobody has checked the classifier yet, and where to.
    const net = tab.getByRole('article', { name: 'Net sentiment' });
    await expect.poll(() => net.locator('.tile__value').textContent()).not.toMatch(/No data/);
    await tab.getByText(/^Nobody has checked the sentiment classifier/).waitFor();
    await tab.getByRole('link', { name: 'Check the classifier on a sample of posts' }).waitFor();
    // The mentions chart: 3 mentions today.
    await chart(tab, 'Mentions of the department, with spikes').waitFor();
    await expectEveryTileSaysSomething(tab);
    await shot(tab, 'public-says');

    // From the themes' table to the posts of the theme, then from the tone table to the negative posts. Until
    // the api narrows by theme and tone it refuses with a 400, and the panel says so in words.
    const themes = chart(tab, 'What people talked about: themes by share of on-topic posts');
    await themes.getByRole('button', { name: /^Show as table/ }).click();
    await themes
      .getByRole('row', { name: new RegExp(`^${themeLabel}`) })
      .getByRole('button', { name: /^See the posts/ })
      .click();
    const themePosts = tab.getByRole('region', { name: `Posts about “${themeLabel}”` });
    await themePosts
      .getByText(/^Showing 3 of 3 posts$|cannot list the posts for this part/)
      .waitFor({ timeout: 15_000 });
    await themePosts.getByRole('button', { name: 'Close the posts' }).click();
    const tone = chart(tab, 'Posts by tone');
    await tone.getByRole('button', { name: /^Show as table/ }).click();
    await tone
      .getByRole('row', { name: /^Negative/ })
      .getByRole('button', { name: /^See the posts/ })
      .click();
    const negative = tab.getByRole('region', { name: 'Negative posts' });
    await negative
      .getByText(/^Showing \d+ of \d+ posts?$|cannot list the posts for this part/)
      .waitFor({ timeout: 15_000 });
    await shot(tab, 'public-says-drill-down');
  });

  it('the engagement dashboard shows the opportunities to a comms team', async () => {
    const tab = await signIn('manager');
    await openDashboard(tab, 'Engagement');
    await tab.getByRole('heading', { name: /^Engagement/, level: 1 }).waitFor({ timeout: 15_000 });
    const tile = tab.getByRole('article', { name: 'Opportunities found' });
    await expect.poll(() => tile.locator('.tile__value').textContent()).toBe('3');
    await expectEveryTileSaysSomething(tab);
    // No own accounts here: both lists say so in words rather than showing nothing.
    await tab.getByRole('heading', { name: 'The department’s posts that did best' }).waitFor();
    await tab.getByRole('heading', { name: 'The department’s posts that did least well' }).waitFor();
    await shot(tab, 'engagement');
  });
});
