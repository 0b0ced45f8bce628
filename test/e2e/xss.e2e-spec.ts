import type { ConversationPage } from '@parley/contracts';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  MARKER,
  atomOfVectors,
  blogWithComments,
  commentsOfVectors,
  mastodonStatuses,
  rssOfVectors,
} from './fixtures/xss-feeds';
import { SENTINEL_HOST, XSS_VECTORS, vectorById } from './fixtures/xss-vectors';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');
const STATUSES = 40;
// Not a feed at all: the error the source records quotes its opening, which the Sources page then shows.
const HTML_PAGE = `<html><script>__xss('page')</script><img src=x onerror="__xss('page')"></html>`;

/** What the sentinel saw: vectors that ran (or loaded a sentinel URL), dialogs, and CSP refusals. */
type Sightings = { executed: string[]; dialogs: string[]; requests: string[]; refused: string[] };

// Elements the app never renders itself (its charts are SVG, so <svg> is not among them).
const PLANTED = ['script', 'iframe', 'frame', 'object', 'embed', 'math', 'style', 'meta', 'base', 'template'];

// Every element attribute a vector could have planted: event handlers, and script-capable URLs in URL attributes.
const dangerousMarkup = (page: Page) =>
  page.evaluate((planted) => {
    const found: string[] = [];
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
    // The body only: the page's own head holds the app's favicon placeholder, href="data:,".
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      for (const { name, value } of Array.from(element.attributes)) {
        // Browsers ignore control characters and spaces in a scheme ("jav\tascript:"), so this does too.
        const squashed = Array.from(value)
          .filter((c) => c.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (
          name.startsWith('on') ||
          name === 'srcdoc' ||
          (urlAttributes.includes(name) && /^(javascript|data|vbscript):/.test(squashed))
        )
          found.push(`<${element.localName} ${name}="${value}">`);
      }
      if (planted.includes(element.localName) && element.closest('#root'))
        found.push(`<${element.localName}> inside the app`);
    }
    return found;
  }, PLANTED);

describe('an XSS corpus travels from feeds to the web inbox and runs nowhere', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let baseUrl: string;
  let admin: TestApiClient;
  let tab: Page;
  const seen: Sightings = { executed: [], dialogs: [], requests: [], refused: [] };

  const conversations = async (): Promise<ConversationPage['items']> => {
    const items: ConversationPage['items'] = [];
    let cursor: string | null | undefined;
    do {
      const query = `department=dept&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await admin.get<ConversationPage>(`/api/conversations?${query}`)).body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  const expectNothingRan = () => {
    const named = (ids: string[]) => ids.map((id) => `${id}: ${vectorById(id)?.payload ?? id}`);
    expect(named(seen.executed)).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.refused).toEqual([]);
  };

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    const xml = (body: () => string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(body());
    };
    server = await startFixtureServer({
      '/forum.xml': xml(() => rssOfVectors(XSS_VECTORS)),
      '/news.atom': xml(() => atomOfVectors(XSS_VECTORS)),
      '/blog.xml': xml(() => blogWithComments(server.url('/comments.xml'))),
      '/comments.xml': xml(() => commentsOfVectors(XSS_VECTORS)),
      '/page.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }).end(HTML_PAGE);
      },
      '/api/v1/timelines/public': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(mastodonStatuses(XSS_VECTORS, STATUSES)));
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
          key: 'dept',
          name: 'Department for Testing',
          rules: [{ key: 'everything', name: 'Everything in the corpus', query: MARKER }],
        },
      ],
      sources: [
        { key: 'forum', type: 'feed', url: server.url('/forum.xml'), interval: '1h' },
        { key: 'news', type: 'feed', url: server.url('/news.atom'), interval: '1h' },
        { key: 'blog', type: 'feed', url: server.url('/blog.xml'), interval: '1h' },
        { key: 'html-page', type: 'feed', url: server.url('/page.html'), interval: '1h' },
        {
          key: 'instance',
          type: 'mastodon',
          url: server.url('/api/v1/timelines/public'),
          interval: '1h',
        },
      ],
    });
    expect(applied.status).toBe(200);

    browser = await launchBrowser();
    context = await browser.newContext();
    // Installed in every page before any of its scripts: a vector that runs reports its id here.
    await context.exposeFunction('__xss', (id: unknown) => seen.executed.push(String(id)));
    await context.exposeFunction('__refused', (what: unknown) => seen.refused.push(String(what)));
    await context.addInitScript(() => {
      // A CSP refusal means markup from a feed reached the DOM as markup: a defect even though CSP held.
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __refused: (what: string) => void }).__refused;
        report(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
      });
    });
    context.on('request', (request) => {
      const url = request.url();
      if (url.includes(SENTINEL_HOST) || /^(javascript|data|vbscript):/i.test(url)) seen.requests.push(url);
    });
    context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      }),
    );
    tab = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await server?.close();
    await env?.cleanup();
  });

  it('detects a vector that runs: the corpus, opened raw without the app, calls the sentinel', async () => {
    // The control: without Parley in between, many vectors run, so the zero counts below mean something.
    const raw = await context.newPage();
    const before = seen.executed.length;
    await raw.setContent(`<!doctype html><body>${XSS_VECTORS.map((v) => v.payload).join('\n')}</body>`);
    const fired = await eventually(async () => {
      const ids = new Set(seen.executed.slice(before));
      return ids.size >= 20 && ids;
    }, 10_000);
    expect(fired.size).toBeGreaterThanOrEqual(20);
    await raw.close();
    seen.executed.length = 0;
    seen.requests.length = 0;
    seen.dialogs.length = 0;
    seen.refused.length = 0;
  });

  it('stores and tags every item of every source', async () => {
    const expected = XSS_VECTORS.length * 2 + 1 + STATUSES;
    const all = await eventually(async () => {
      const items = await conversations();
      const blog = items.find((item) => item.source === 'blog');
      return items.length >= expected && blog?.postCount === XSS_VECTORS.length + 1 && items;
    }, 60_000);
    expect(all).toHaveLength(expected);
    const count = (source: string) => all.filter((item) => item.source === source).length;
    expect([count('forum'), count('news'), count('blog'), count('instance')]).toEqual([
      XSS_VECTORS.length,
      XSS_VECTORS.length,
      1,
      STATUSES,
    ]);
  });

  it('serves the app with a Content-Security-Policy that forbids inline script', async () => {
    const response = await fetch(`${baseUrl}/inbox`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
  });

  it('signs in and shows every inbox page with nothing run and no dangerous markup', async () => {
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    for (const sort of ['score', 'recent']) {
      await tab.goto(`${baseUrl}/inbox?department=dept&sort=${sort}`);
      await tab.getByText(/Showing \d+ conversations/).waitFor({ timeout: 20_000 });
      // The count says "(more available)" until the last page is in; load pages until it stops saying so.
      const count = tab.locator('.results-count');
      const more = tab.getByRole('button', { name: /load more conversations/i });
      for (let shown = await count.textContent(); shown?.includes('more available');) {
        await more.click();
        // The count changes once the page is in. (Waiting for "Loading more…" to go could pass before it had
        // appeared; the next click then waited for a button the last page had taken away.)
        await tab.waitForFunction(
          (before) => document.querySelector('.results-count')?.textContent !== before,
          shown,
          {
            timeout: 20_000,
          },
        );
        shown = await count.textContent();
      }
      expect(await count.textContent()).toBe(
        `Showing ${XSS_VECTORS.length * 2 + 1 + STATUSES} conversations`,
      );
      // Hovering and focusing every card gives event-handler vectors their chance, had any become markup.
      for (const link of await tab.locator('main a').all())
        await link.hover({ timeout: 2_000 }).catch(() => undefined);
      expect(await dangerousMarkup(tab)).toEqual([]);
    }
    await tab.screenshot({ path: resolve(SHOTS, 'xss-inbox.png'), fullPage: false });
    expectNothingRan();
    // Hovering some five hundred links twice: slow on a busy machine, and not what this test measures.
  }, 300_000);

  it('opens every conversation with nothing run and no dangerous markup', async () => {
    const all = await conversations();
    const problems: string[] = [];
    for (const conversation of all) {
      await tab.goto(`${baseUrl}/conversations/${conversation.id}`);
      await tab.locator('.post__text').first().waitFor({ timeout: 15_000 });
      problems.push(
        ...(await dangerousMarkup(tab)).map((p) => `${conversation.source}/${conversation.id}: ${p}`),
      );
      if (conversation.source === 'blog')
        await tab.screenshot({ path: resolve(SHOTS, 'xss-conversation.png'), fullPage: true });
    }
    expect(problems).toEqual([]);
    expectNothingRan();
    // Some two hundred page loads: the time it takes is not what this test is about.
  }, 600_000);

  it('shows the vectors as plain text', async () => {
    const blog = (await conversations()).find((item) => item.source === 'blog');
    await tab.goto(`${baseUrl}/conversations/${blog?.id}`);
    await tab.locator('.post__text').first().waitFor({ timeout: 15_000 });
    // Escaped markup reads as the markup it spells, and template syntax as itself: text, never run.
    const escaped = XSS_VECTORS.find((v) => v.payload.startsWith('&lt;script&gt;'));
    const template = XSS_VECTORS.find((v) => v.payload.startsWith('{{constructor'));
    await expect(tab.getByText(`<script>__xss('${escaped?.id}')</script>`).first().isVisible()).resolves.toBe(
      true,
    );
    await expect(
      tab
        .getByText(template?.payload ?? '')
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expectNothingRan();
  });

  it("shows a source's error quoting hostile markup as text on the Sources page", async () => {
    await eventually(async () => {
      const { body } =
        await admin.get<{ key: string; health: { lastError: string | null } }[]>('/api/sources');
      return body.find((s) => s.key === 'html-page')?.health.lastError?.includes('<html><script>');
    }, 30_000);
    await tab.goto(`${baseUrl}/sources`);
    await tab
      .getByText(/<html><script>/)
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await dangerousMarkup(tab)).toEqual([]);
    await tab.screenshot({ path: resolve(SHOTS, 'xss-sources.png'), fullPage: true });
    expectNothingRan();
  });
});
