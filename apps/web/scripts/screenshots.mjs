// Screenshots (and an axe check) of every page against a built, previewed app, with /api answered by fixtures.
// The callbacks passed to page.evaluate run in the browser, hence the browser globals.
// Usage: npx vite preview --config apps/web/vite.config.ts --port 4173 &  node apps/web/scripts/screenshots.mjs [outDir]
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import * as data from './fixtures.mjs';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const OUT = process.argv[2] ?? '/tmp/parley-shots';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(OUT, { recursive: true });

const json = (body, status = 200) => ({
  status,
  contentType: 'application/json',
  body: JSON.stringify(body),
});

const fromFixture = ({ status, body }) => json(body, status);
const bodyOf = (request) => JSON.parse(request.postData() ?? '{}');

/**
 * Routes /api/* to fixtures; `overrides` replaces answers by path. An answer may be a function of the request
 * (for answers that depend on the body, like the rule preview). Nothing reaches a real api.
 */
const mockApi = async (page, overrides = {}) => {
  await page.route('**/api/**', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const key = `${request.method()} ${url.pathname}`;
    const rulesOf = (department) => json(data.rules[department] ?? []);
    const answers = {
      'GET /api/auth/me': json(data.me),
      'GET /api/rules': rulesOf(url.searchParams.get('department')),
      'GET /api/rules/dft/rail-fares/versions': json(data.ruleVersions),
      'GET /api/rules/dvsa/test-booking/versions': json(data.ruleVersions.slice(2)),
      'POST /api/rules/preview': (req) => fromFixture(data.previewFor(bodyOf(req).query ?? '')),
      'PUT /api/rules/dft/rail-fares': (req) => json(data.ruleSaved('dft', 'rail-fares', bodyOf(req))),
      'GET /api/backfills/backfill-42': json(data.backfillActive),
      'GET /api/conversations': json(
        url.searchParams.get('cursor') ? { items: [], nextCursor: null } : data.conversationPage,
      ),
      'GET /api/conversations/c3': json(data.conversationDetail),
      'GET /api/sources': json(data.sources),
      'GET /api/health': json(data.health),
      'POST /api/auth/logout': { status: 204, body: '' },
      ...overrides,
    };
    const answer = answers[key];
    return route.fulfill(
      (typeof answer === 'function' ? answer(request) : answer) ??
        json({ code: 'not_found', message: 'not found' }, 404),
    );
  });
};

const axe = async (page, name) => {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    (
      await window.axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      })
    ).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    })),
  );
  process.stdout.write(`${name}: ${result.length === 0 ? 'axe ok' : JSON.stringify(result, null, 2)}\n`);
};

const shot = async (
  browser,
  name,
  path,
  { viewport = { width: 1280, height: 900 }, fullPage = true, api, before, after } = {},
) => {
  const page = await browser.newPage({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  if (api !== false) await mockApi(page, api);
  await before?.(page);
  await page.goto(`${BASE}${path}`);
  await page.waitForLoadState('networkidle');
  await after?.(page);
  await page.waitForTimeout(300);
  await axe(page, name);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  await page.close();
};

const signedOut = { 'GET /api/auth/me': json({ code: 'unauthenticated', message: 'sign in' }, 401) };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  await shot(browser, '01-sign-in', '/inbox?department=dft', { api: signedOut });
  await shot(browser, '02-sign-in-errors', '/sign-in', {
    api: signedOut,
    after: async (page) => {
      await page.fill('#email', 'sam.jones');
      await page.click('button[type=submit]');
    },
  });
  await shot(browser, '03-sign-in-wrong-password', '/sign-in', {
    api: {
      ...signedOut,
      'POST /api/auth/login': json({ code: 'unauthenticated', message: 'wrong email or password' }, 401),
    },
    after: async (page) => {
      await page.fill('#email', 'sam.jones@dft.example.gov.uk');
      await page.fill('#password', 'not my password');
      await page.click('button[type=submit]');
      await page.waitForSelector('.error-summary');
    },
  });
  await shot(browser, '04-no-api', '/inbox', {
    api: false,
    after: (page) => page.waitForSelector('.error-panel', { timeout: 15_000 }),
  });
  await shot(browser, '05-inbox', '/inbox?department=dft&sort=score');
  const mobile = { viewport: { width: 390, height: 844 }, fullPage: false };
  await shot(browser, '06-inbox-mobile', '/inbox?department=dft&sort=score', mobile);
  await shot(browser, '07-inbox-empty', '/inbox', {
    api: { 'GET /api/conversations': json({ items: [], nextCursor: null }) },
  });
  await shot(browser, '08-conversation', '/conversations/c3');
  await shot(browser, '09-conversation-missing', '/conversations/nope');
  await shot(browser, '10-sources', '/sources');
  await shot(browser, '11-sources-error', '/sources', {
    api: {
      'GET /api/sources': json({ code: 'unavailable', message: 'db down' }, 503),
      'GET /api/health': json({ code: 'x', message: 'y' }, 503),
    },
    after: (page) => page.waitForSelector('.error-panel', { timeout: 15_000 }),
  });
  await shot(browser, '12-skip-link-focus', '/inbox?department=dft&sort=score', {
    viewport: { width: 1280, height: 400 },
    after: (page) => page.keyboard.press('Tab'),
  });
  await shot(browser, '13-conversation-mobile', '/conversations/c3', {
    ...mobile,
    after: (page) => page.evaluate(() => document.querySelector('h2:last-of-type')?.scrollIntoView()),
  });
  await shot(browser, '14-sources-mobile', '/sources', mobile);

  // Listening rules: the list (editable and read-only), the editor's live preview, a bad query, saving.
  const previewShown = (page) =>
    page.waitForFunction(() =>
      /Would have matched/.test(document.querySelector('.rule-preview__count')?.textContent ?? ''),
    );
  await shot(browser, '15-rules', '/rules?department=dft');
  await shot(browser, '16-rules-read-only', '/rules?department=dvsa');
  await shot(browser, '17-rule-editor-preview', '/rules/dft/rail-fares', { after: previewShown });
  await shot(browser, '18-rule-editor-bad-query', '/rules/dft/rail-fares', {
    after: async (page) => {
      await previewShown(page);
      await page.fill('#query', 'railcard OR ("season ticket" AND (fare* NEAR/4 rail)');
      await page.waitForSelector('.query-caret');
      await page.locator('#query').scrollIntoViewIfNeeded();
    },
  });
  await shot(browser, '19-rule-new-errors', '/rules/dft/new', {
    after: async (page) => {
      await page.fill('#name', 'Rail fares');
      await page.fill('#key', 'Rail Fares');
      await page.click('button[type=submit]');
      await page.waitForSelector('.error-summary');
    },
  });
  await shot(browser, '20-rule-saved', '/rules/dft/rail-fares', {
    after: async (page) => {
      await previewShown(page);
      await page.fill('#reason', 'Leave out giveaway threads');
      await page.click('button[type=submit]');
      await page.waitForSelector('progress');
    },
  });
  await shot(browser, '21-rule-syntax-help', '/rules/dft/new', {
    after: async (page) => {
      await page.click('.syntax-help summary');
      await page.locator('.syntax-help').scrollIntoViewIfNeeded();
    },
  });
  await shot(browser, '22-rule-read-only', '/rules/dvsa/test-booking');
  await shot(browser, '23-rule-editor-mobile', '/rules/dft/rail-fares', {
    ...mobile,
    after: async (page) => {
      await previewShown(page);
      await page.locator('.rule-preview').scrollIntoViewIfNeeded();
    },
  });
} finally {
  await browser.close();
}
