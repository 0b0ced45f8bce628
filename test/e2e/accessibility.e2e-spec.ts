import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Measurement, MeasuredPage } from '../../apps/web/src/features/accessibility/utils/measurement';
import { WCAG_22_AA, accessibilityViolations, axeVersion, launchBrowser } from './browser';
import { ROOT } from './processes';
import { ADMIN, QUESTION, startParley, type ParleyApp } from './parley-app';

const SHOTS = resolve(ROOT, 'test-results/e2e');
const MEASURED = resolve(ROOT, 'apps/web/src/features/accessibility/measured.json');
const ROUTER = resolve(ROOT, 'apps/web/src/app/router.tsx');

/** Every page of the app, with an address that shows it with data; the first two are open to anyone. */
const pages = ({
  conversationId,
  alertId,
  caseId,
}: {
  conversationId: string;
  alertId: string;
  caseId: string;
}) => [
  { name: 'Sign in', path: '/sign-in', open: true },
  { name: 'Accessibility statement', path: '/accessibility', open: true },
  { name: 'Inbox', path: '/inbox?department=dfe&sort=score' },
  { name: 'Conversation', path: `/conversations/${conversationId}` },
  { name: 'Rules', path: '/rules' },
  { name: 'New rule', path: '/rules/dfe/new' },
  { name: 'Rule editor', path: '/rules/dfe/student-loans' },
  { name: 'Clearance', path: '/clearance' },
  { name: 'Sources', path: '/sources' },
  { name: 'People', path: '/people' },
  { name: 'Everyone', path: '/people/everyone' },
  { name: 'Notifications', path: '/notifications' },
  { name: 'Webhooks', path: '/webhooks' },
  { name: 'Check sentiment', path: '/sentiment/labels' },
  { name: 'Evaluation records', path: '/evaluation-records' },
  { name: 'A department’s evaluation records', path: '/evaluation-records/dfe' },
  { name: 'Audit log', path: '/audit' },
  { name: 'Records export', path: '/records' },
  { name: 'Privacy', path: '/privacy' },
  { name: 'Repeated viewing report', path: '/reports/author-views' },
  { name: 'Alerts', path: '/alerts?department=dfe' },
  { name: 'An alert', path: `/alerts/${alertId}` },
  { name: 'The posts behind an alert', path: `/alerts/${alertId}/posts` },
  { name: 'A RESIST case', path: `/cases/${caseId}` },
  { name: 'Dashboards and reports', path: '/dashboards' },
  { name: 'Engagement dashboard', path: '/dashboards/engagement' },
  { name: 'Evaluation dashboard', path: '/dashboards/evaluation' },
  { name: 'What the public says', path: '/dashboards/public-says' },
  { name: 'Impact report', path: '/reports/impact' },
  { name: 'Your account', path: '/account' },
  { name: 'Page not found', path: '/no-such-page' },
];

/** The ways every page is loaded (WCAG 1.4.4 resize text, 1.4.10 reflow, 2.3.3 animation from interactions). */
const CONTEXTS: { id: string; description: string; options: BrowserContextOptions }[] = [
  {
    id: '1280 px',
    description: '1280 CSS pixels wide, with reduced motion requested',
    options: { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' },
  },
  {
    id: '200% zoom',
    description:
      '200% zoom: 640 CSS pixels wide at twice the pixel density, as a 1280-pixel window zoomed in',
    options: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, reducedMotion: 'reduce' },
  },
  {
    id: '320 px',
    description:
      '320 CSS pixels wide (the reflow width: 400% zoom of a 1280-pixel window), with reduced motion',
    options: { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' },
  },
];

/** "path: 'rules/:department/:key'" → a pattern the checked pages must cover, so a new page cannot be missed. */
const routerPatterns = (): RegExp[] =>
  [...readFileSync(ROUTER, 'utf8').matchAll(/path: '([^']+)'/g)]
    .map(([, path]) => path)
    .filter((path) => path !== 'login' && path !== '/')
    .map((path) =>
      path === '*' ? /^\/no-such-page$/ : new RegExp(`^/${path.replace(/:[a-z]+/gi, '[^/]+')}$`),
    );

type Focused = { tag: string; name: string; id: string; visible: boolean } | null;

const signIn = async (tab: Page, baseUrl: string) => {
  await tab.goto(`${baseUrl}/sign-in`);
  await tab.getByLabel('Email address').fill(ADMIN.email);
  await tab.getByLabel('Password').fill(ADMIN.password);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor({ timeout: 20_000 });
};

/** The page has drawn: a main heading, and no "Loading…" left (a page still loading is not what people use). */
const settle = async (tab: Page) => {
  await tab.locator('h1').first().waitFor({ timeout: 20_000 });
  await tab
    .waitForFunction(() => document.querySelectorAll('.loading').length === 0, undefined, { timeout: 15_000 })
    .catch(() => undefined);
};

/** Whether the page scrolls sideways; the elements sticking out are logged, to say where to look. */
const scrollsSideways = async (tab: Page): Promise<boolean> => {
  const { wider, culprits } = await tab.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = Array.from(document.querySelectorAll<HTMLElement>('body *')).filter(
      (el) => el.getBoundingClientRect().right > width + 1,
    );
    return {
      wider: document.documentElement.scrollWidth > width + 1,
      culprits: out.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    };
  });
  if (wider)
    console.info(`${tab.url()} is wider than ${tab.viewportSize()?.width} px: ${culprits.join(', ')}`);
  return wider;
};

/** Animations still running with reduced motion asked for (anything but an instant change counts). */
const stillMoving = (tab: Page) =>
  tab.evaluate(
    () =>
      document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration ?? 0) > 100)
        .length,
  );

const criteriaOf = (tags: string[]) =>
  tags
    .filter((tag) => /^wcag\d{3,4}$/.test(tag))
    .map((tag) => tag.slice(4))
    .map((digits) => `${digits[0]}.${digits[1]}.${digits.slice(2)}`);

describe('accessibility: every page at WCAG 2.2 AA, reflow, reduced motion, keyboard alone, the statement', () => {
  let app: ParleyApp;
  let browser: Browser;
  // Read before this run may rewrite it: it is what the built app's statement page shows.
  const builtIn = JSON.parse(readFileSync(MEASURED, 'utf8')) as Measurement;
  const measured: MeasuredPage[] = [];
  let keyboardWalk: Measurement['keyboardWalk'] = null;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startParley();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    // Written even when a check failed: the statement must say what was found, not what was hoped for.
    if (process.env.PARLEY_RECORD_ACCESSIBILITY === '1' && measured.length > 0) {
      const measurement: Measurement = {
        measuredAt: new Date().toISOString(),
        tool: { axe: axeVersion(), browser: `Chromium ${browser.version()}` },
        standard: 'WCAG 2.2 AA',
        tags: WCAG_22_AA,
        contexts: CONTEXTS.map(({ id, description }) => ({ id, description })),
        pages: measured,
        keyboardWalk,
      };
      writeFileSync(MEASURED, `${JSON.stringify(measurement, null, 2)}\n`);
    }
    await browser?.close();
    await app?.close();
  });

  it('checks every page the router has', () => {
    const checked = pages({ conversationId: 'any-id', alertId: 'any-id', caseId: 'any-id' }).map(
      (page) => page.path.split('?')[0],
    );
    const missing = routerPatterns().filter((pattern) => !checked.some((path) => pattern.test(path)));
    expect(missing.map(String)).toEqual([]);
  });

  it('shows the statement, linked from the footer, with what the recorded run measured', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${app.baseUrl}/sign-in`);
    await tab.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
    await tab.getByRole('heading', { name: 'Accessibility statement for Parley', level: 1 }).waitFor();
    for (const heading of [
      'How accessible this service is',
      'Feedback and contact information',
      'Enforcement procedure',
      'Compliance status',
      'Non-compliance with the accessibility regulations',
      'How we tested this service',
      'Manual checks',
      'Preparation of this accessibility statement',
    ])
      await expect(tab.getByRole('heading', { name: heading }).count(), heading).resolves.toBe(1);
    await expect(tab.getByText('Equality and Human Rights Commission').count()).resolves.toBe(1);
    await expect(
      tab.getByRole('link', { name: /Equality Commission for Northern Ireland/ }).count(),
    ).resolves.toBe(1);
    if (builtIn.measuredAt) {
      const table = tab.getByRole('table', { name: /Pages checked/ });
      await expect(table.locator('tbody tr').count()).resolves.toBe(builtIn.pages.length);
      await expect(tab.getByText(`axe-core ${builtIn.tool?.axe}`).count()).resolves.toBe(1);
    } else {
      await tab.getByText('No automated checks have been recorded yet.').waitFor();
    }
    await tab.screenshot({ path: resolve(SHOTS, 'accessibility-statement.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.close();
  });

  it('passes axe on every page at 1280 px, 200% zoom and 320 px, never scrolls sideways, and keeps still', async () => {
    const byPath = new Map<string, MeasuredPage>();
    const list = pages(app);
    for (const context of CONTEXTS) {
      const session: BrowserContext = await browser.newContext(context.options);
      const tab = await session.newPage();
      for (const [index, page] of list.entries()) {
        // The open pages come first; then sign in once for the rest.
        if (!page.open && list[index - 1]?.open) await signIn(tab, app.baseUrl);
        await tab.goto(`${app.baseUrl}${page.path}`);
        await settle(tab);
        const entry = byPath.get(page.path) ?? {
          name: page.name,
          path: page.path.startsWith('/conversations/') ? '/conversations/…' : page.path,
          violations: [],
          overflowsIn: [],
        };
        for (const violation of await accessibilityViolations(tab)) {
          const known = entry.violations.find((v) => v.id === violation.id);
          if (known) {
            known.seenIn.push(context.id);
            known.elements = Math.max(known.elements, violation.nodes.length);
          } else
            entry.violations.push({
              id: violation.id,
              impact: violation.impact,
              help: violation.help,
              criteria: criteriaOf(violation.tags),
              seenIn: [context.id],
              elements: violation.nodes.length,
            });
          console.info(
            `${page.path} (${context.id}): ${violation.id} at ${JSON.stringify(violation.nodes.slice(0, 3))}`,
          );
        }
        if (await scrollsSideways(tab)) entry.overflowsIn.push(context.id);
        if ((await stillMoving(tab)) > 0) entry.overflowsIn.push(`${context.id} (animation still running)`);
        byPath.set(page.path, entry);
        if (context.id === '320 px')
          await tab.screenshot({
            path: resolve(SHOTS, `a11y-${page.name.replace(/\W+/g, '-')}-320.png`),
            fullPage: true,
          });
      }
      await session.close();
    }
    measured.push(...byPath.values());
    const failures = measured.flatMap((page) => [
      ...page.violations.map((v) => `${page.path}: ${v.id} (${v.seenIn.join(', ')})`),
      ...page.overflowsIn.map((where) => `${page.path}: scrolls sideways at ${where}`),
    ]);
    expect(failures).toEqual([]);
  }, 600_000);

  it('does the main flows with the keyboard alone, the focus visible at every stop', async () => {
    const session = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await session.newPage();
    const flows: string[] = [];
    const focused = (): Promise<Focused> =>
      tab.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outline =
          style.outlineStyle !== 'none' &&
          parseFloat(style.outlineWidth) >= 2 &&
          !/rgba\(\d+, \d+, \d+, 0\)|transparent/.test(style.outlineColor);
        // The name a screen reader hears: its label, or its text without what is hidden from assistive technology.
        const text = el.cloneNode(true) as HTMLElement;
        text.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return {
          tag: el.tagName.toLowerCase(),
          name: (el.getAttribute('aria-label') ?? text.textContent ?? '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 120),
          id: el.id,
          visible: outline || style.boxShadow !== 'none',
        };
      });
    /** Presses Tab (or Shift+Tab) until `wanted` has the focus, checking the focus can be seen at each stop. */
    const tabTo = async (wanted: (f: NonNullable<Focused>) => boolean, key = 'Tab', most = 200) => {
      for (let presses = 0; presses < most; presses++) {
        await tab.keyboard.press(key);
        const now = await focused();
        if (!now) continue;
        if (!now.visible) throw new Error(`The focus cannot be seen on ${now.tag} “${now.name}”`);
        if (wanted(now)) return now;
      }
      throw new Error(`${most} presses of ${key} never reached the control wanted`);
    };
    const named = (name: string | RegExp) => (f: NonNullable<Focused>) =>
      typeof name === 'string' ? f.name === name : name.test(f.name);
    try {
      await tab.goto(`${app.baseUrl}/sign-in`);
      await tabTo((f) => f.id === 'email');
      await tab.keyboard.type(ADMIN.email);
      await tabTo((f) => f.id === 'password');
      await tab.keyboard.type(ADMIN.password);
      await tabTo(named('Sign in'));
      await tab.keyboard.press('Enter');
      await tab.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor({ timeout: 20_000 });
      flows.push('sign in', 'open the inbox');

      await tab.getByRole('link', { name: QUESTION }).waitFor({ timeout: 20_000 });
      await tabTo(named(QUESTION));
      await tab.keyboard.press('Enter');
      await tab.getByRole('heading', { name: QUESTION, level: 1 }).waitFor({ timeout: 20_000 });
      flows.push('open a conversation');

      await tabTo(named('Take it myself'));
      await tab.keyboard.press('Space');
      await tab.getByText('You have taken it on').first().waitFor({ timeout: 20_000 });
      flows.push('take the conversation on, changing its status to assigned');

      await tabTo(named('Dashboards'), 'Shift+Tab', 300);
      await tab.keyboard.press('Enter');
      await tab
        .getByRole('heading', { name: 'Dashboards and reports', level: 1 })
        .waitFor({ timeout: 20_000 });
      await tabTo(named('Engagement'));
      await tab.keyboard.press('Enter');
      await tab.getByRole('heading', { name: /^Engagement/, level: 1 }).waitFor({ timeout: 20_000 });
      flows.push('open a dashboard');

      await tabTo(named('Newid yr iaith i’r Gymraeg'), 'Shift+Tab', 300);
      await tab.keyboard.press('Space');
      await tab.getByRole('heading', { name: /^Ymgysylltu/, level: 1 }).waitFor({ timeout: 10_000 });
      await tabTo(named('Change the language to English'), 'Shift+Tab', 5);
      await tab.keyboard.press('Enter');
      await tab.getByRole('heading', { name: /^Engagement/, level: 1 }).waitFor({ timeout: 10_000 });
      flows.push('switch the language to Welsh and back');
      keyboardWalk = { passed: true, flows, failure: null };
    } catch (error) {
      keyboardWalk = { passed: false, flows, failure: (error as Error).message.split('\n')[0] };
      await tab.screenshot({ path: resolve(SHOTS, 'keyboard-walk-failure.png'), fullPage: true });
      throw error;
    } finally {
      await session.close();
    }
  });
});
