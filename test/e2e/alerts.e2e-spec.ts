import type { Alert, ConversationPage, ResistCase } from '@parley/contracts';
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
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const DANA = { email: 'dana@example.gov.uk', name: 'Dana Admin', password: 'dana-long-enough-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');

const POSTS = [
  'Boycott Tesco until they drop the free school meals voucher scheme, the Department for Education should listen',
  'Protest at Tesco on Saturday over the school meals vouchers: boycott them',
];

/**
 * The "Done when" for the web: with the page open, an alert raised reaches the header live; it is opened,
 * acknowledged, and a RESIST case is opened from it and worked on. The alert row is written as the detectors write
 * one, undelivered: the real DeliverAlerts job (scheduled by the worker) hands it over and the api's event stream
 * tells the open page. Axe is clean on every new page.
 */
describe('alerts in the browser', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  let db: Client;
  let conversationIds: string[];

  /** A full-page screenshot at 1280 px and at 320 px, axe clean at each width. */
  const shoot = async (tab: Page, name: string) => {
    for (const width of [1280, 320]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.screenshot({ path: resolve(SHOTS, `alerts-${name}-${width}.png`), fullPage: true });
      expect(await accessibilityViolations(tab)).toEqual([]);
    }
    await tab.setViewportSize({ width: 1280, height: 900 });
  };

  /** An alert as the detectors store one, not yet delivered: a rise in the rule "Free school meals". */
  const raiseAlert = async (): Promise<string> => {
    const now = Date.now();
    const hour = (h: number) => new Date(Math.floor(now / 3_600_000) * 3_600_000 - h * 3_600_000);
    const series = {
      unit: 'mentions per hour',
      points: Array.from({ length: 24 }, (_, i) => {
        const h = 23 - i;
        return {
          at: hour(h).toISOString(),
          observed: h < 3 ? 42 - h * 6 : 6 + (i % 4),
          expected: 8,
          low: 2,
          high: 15,
        };
      }),
    };
    const measure = {
      window: 'hour',
      observed: 42,
      expected: 8,
      threshold: 15,
      spread: 3.5,
      n: 310,
      baselineN: 1240,
      unit: 'mentions per hour',
    };
    const explanation = {
      summary:
        'Mentions of free school meals are five times the usual rate, mostly calls to boycott Tesco from the Parents forum.',
      terms: [
        { term: 'boycott', count: 120, baselineCount: 2 },
        { term: 'vouchers', count: 80, baselineCount: 10 },
      ],
      hashtags: [{ tag: 'BoycottTesco', count: 64 }],
      sources: [{ name: 'Parents forum', platform: 'web', posts: 310 }],
      posts: conversationIds.map((conversationId, i) => ({
        id: String(i + 1),
        conversationId,
        url: `https://forum.example.org/t/${i + 1}`,
        author: `parent${i}`,
        excerpt: POSTS[i],
        publishedAt: hour(1).toISOString(),
        replies: 12 - i,
        shares: 40 - i,
      })),
      newParticipantsShare: 0.62,
      partners: ['Tesco'],
      expectedEvent: null,
      classifierAccuracy: null,
    };
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO alert (department_id, kind, scope_type, scope_id, scope_label, severity, started_at, last_seen_at,
         measure, explanation, series)
       SELECT d.id, 'spike', 'rule', r.id, r.name, 4, $1, now(), $2, $3, $4
       FROM department d JOIN listening_rule r ON r.department_id = d.id AND r.key = 'meals'
       WHERE d.key = 'dfe' RETURNING id::text`,
      [hour(3), JSON.stringify(measure), JSON.stringify(explanation), JSON.stringify(series)],
    );
    return rows[0].id;
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
            'Parents forum',
            POSTS.map((text, at) => ({
              guid: `p${at}`,
              title: text,
              description: text,
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
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          rules: [{ key: 'meals', name: 'Free school meals', query: 'school meals' }],
        },
      ],
      sources: [
        {
          key: 'parents-forum',
          name: 'Parents forum',
          type: 'feed',
          url: server.url('/forum.xml'),
          interval: '1h',
        },
      ],
    });
    expect(applied.status).toBe(200);
    const created = await admin.request('POST', '/api/users', {
      email: DANA.email,
      name: DANA.name,
      password: DANA.password,
      memberships: [{ department: 'dfe', role: 'admin' }],
    });
    expect(created.status).toBe(201);
    conversationIds = await eventually(async () => {
      const page = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return page.body.items.length === POSTS.length ? page.body.items.map((c) => c.id) : undefined;
    }, 30_000);
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    browser = await launchBrowser();
    // Booting the api and the worker and ingesting the feed share two cores with other work: allow for it.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await stop(worker);
    await stop(api);
    await env?.cleanup();
    await server?.close();
  });

  it('hears a new alert live in the header, acknowledges it and opens a RESIST case from it', async () => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill(DANA.email);
    await tab.getByLabel(/password/i).fill(DANA.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    const nav = tab.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Alerts', exact: true }).click();
    await tab.getByRole('heading', { name: 'No alerts in the last 30 days' }).waitFor({ timeout: 15_000 });
    await shoot(tab, 'empty');

    // The page stays open while the alert is raised: the worker's delivery tells the stream, the badge changes.
    const alertId = await raiseAlert();
    await nav.getByRole('link', { name: 'Alerts 1 open' }).waitFor({ timeout: 45_000 });
    await tab.getByRole('status').filter({ hasText: 'New alert:' }).waitFor({ state: 'attached' });
    const item = tab.getByRole('link', { name: 'Rise in mentions: the rule “Free school meals”' });
    await item.waitFor({ timeout: 15_000 });
    await tab.getByText('Severity 4 of 5 — high').first().waitFor();
    await shoot(tab, 'list');

    await item.click();
    await tab.getByRole('heading', { level: 1, name: /Rise in mentions/ }).waitFor({ timeout: 15_000 });
    await tab
      .getByText('Observed 42 an hour against an expected 8; the bar was 15; 310 posts.')
      .waitFor({ timeout: 10_000 });
    await tab.getByRole('rowheader', { name: 'boycott' }).waitFor();
    const chart = tab.getByRole('figure', { name: /Hour by hour/ });
    await chart
      .locator('.chart__summary', { hasText: /Mentions peaked at 42 an hour/ })
      .waitFor({ timeout: 15_000 });
    await shoot(tab, 'view');
    await chart.getByRole('button', { name: /Show as table/ }).click();
    expect(await chart.getByRole('row').count()).toBe(25);
    await chart.getByRole('button', { name: /Show as chart/ }).click();

    // A close without an outcome is refused next to the field, before anything is sent.
    await tab.getByText('Close it', { exact: true }).click();
    await tab.getByRole('button', { name: 'Close the alert' }).click();
    await tab
      .locator('#alert-outcome-error')
      .getByText('Write what happened, so the outcome is on record')
      .waitFor({ timeout: 10_000 });
    await shoot(tab, 'close-error');

    await tab.getByRole('button', { name: 'Acknowledge' }).click();
    await tab.getByText('You have acknowledged this alert').waitFor({ timeout: 10_000 });
    await nav.getByRole('link', { name: 'Alerts', exact: true }).waitFor({ timeout: 15_000 });
    expect((await admin.get<Alert>(`/api/alerts/${alertId}`)).body.status).toBe('acknowledged');

    await tab.getByRole('button', { name: 'Open a RESIST case' }).click();
    await tab.getByRole('heading', { level: 1, name: /RESIST case/ }).waitFor({ timeout: 15_000 });
    const caseId = new URL(tab.url()).pathname.split('/').pop() as string;
    for (const stage of [
      '1. Recognise',
      '2. Early warning',
      '3. Situational insight',
      '4. Impact analysis',
      '5. Strategic communication',
      '6. Track outcomes',
    ])
      await tab.getByLabel(stage).waitFor();
    await tab.getByLabel('1. Recognise').fill('A boycott campaign against Tesco over school meals vouchers.');
    await tab.getByLabel('Likelihood').selectOption('4');
    await tab.getByLabel('Impact', { exact: true }).selectOption('3');
    await tab.getByRole('button', { name: 'Save the case' }).click();
    await tab.getByText('The case is saved').waitFor({ timeout: 10_000 });
    await shoot(tab, 'case');
    const saved = (await admin.get<ResistCase>(`/api/cases/${caseId}`)).body;
    expect(saved).toMatchObject({
      alertId,
      recognise: 'A boycott campaign against Tesco over school meals vouchers.',
      impactLikelihood: 4,
      impactSeverity: 3,
    });
    expect((await admin.get<Alert>(`/api/alerts/${alertId}`)).body.caseId).toBe(caseId);

    await tab.getByRole('link', { name: /Back to the alert/ }).click();
    await tab
      .getByRole('link', { name: 'Go to the RESIST case for this alert' })
      .waitFor({ timeout: 15_000 });
  });

  it('keeps a person’s alert choices on the account page', async () => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill(DANA.email);
    await tab.getByLabel(/password/i).fill(DANA.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    await tab.getByRole('link', { name: 'Your account' }).click();
    await tab.getByRole('heading', { name: 'Alerts', level: 2 }).waitFor({ timeout: 15_000 });
    await tab.getByLabel('Keep quiet hours').check();
    await tab.getByLabel('Quiet hours start').fill('25:00');
    await tab.getByRole('button', { name: 'Save alert choices' }).click();
    await tab.locator('#alert-quiet-from-error').waitFor({ timeout: 10_000 });
    await tab.getByLabel('Quiet hours start').fill('22:30');
    await tab.getByLabel('Send me alerts one by one from').selectOption('3');
    await tab.getByRole('button', { name: 'Save alert choices' }).click();
    await tab.getByText('Your alert choices are saved').waitFor({ timeout: 10_000 });
    await shoot(tab, 'account');
    const login = new TestApiClient(baseUrl);
    expect(await login.login(DANA.email, DANA.password)).toBe(200);
    expect((await login.get('/api/me/alert-preferences')).body).toMatchObject({
      minSeverity: 3,
      quietHours: { from: '22:30', to: '07:00' },
    });
  });
});
