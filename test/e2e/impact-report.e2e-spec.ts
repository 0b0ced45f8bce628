import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const SHOTS = resolve(ROOT, 'test-results/e2e');

describe('the impact report page', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    const port = await freePort();
    env = await createTestEnvironment({
      PORT: String(port),
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
    });
    await runToEnd('apps/api/src/cli.js', env.env, ['bootstrap']);
    api = startProcess('apps/api/src/main.js', env.env);
    baseUrl = `http://127.0.0.1:${port}`;
    await eventually(async () => (await fetch(`${baseUrl}/api/health`)).ok, 30_000);
    const admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    await admin.request('PUT', '/api/workspace', {
      departments: [{ key: 'dfe', name: 'Department for Education' }],
      sources: [
        {
          key: 'blog',
          name: 'Education blog',
          type: 'feed',
          url: 'http://127.0.0.1:9/b.xml',
          interval: '1h',
        },
      ],
    });
    const created = await admin.request('POST', '/api/users', {
      email: 'pat@example.gov.uk',
      name: 'Pat Policy',
      password: PASSWORD,
      memberships: [{ department: 'dfe', role: 'policy' }],
    });
    expect(created.status).toBe(201);
    // Three November conversations with an opportunity (inserted as tagging leaves them, with a route the inbox
    // knows): one declined.
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    for (const [i, status] of ['responded', 'declined', 'new'].entries()) {
      await db.query(
        `WITH c AS (INSERT INTO conversation (source_id, root_external_id, title)
           SELECT id, $1, $2 FROM source WHERE key = 'blog' RETURNING id)
         INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status,
           first_response_at, first_response_seconds, decline_reason, created_at)
         SELECT c.id, d.id, 60, 'public-info', 'Asks.', $3, $4, $5, $6, $7 FROM c, department d WHERE d.key = 'dfe'`,
        [
          `t${i}`,
          ['Results day appeals', 'Abuse', 'Uniform costs'][i],
          status,
          status === 'responded' ? '2026-11-03T10:40:00Z' : null,
          status === 'responded' ? 2400 : null,
          status === 'declined' ? 'abusive' : null,
          `2026-11-0${3 + i}T10:00:00Z`,
        ],
      );
    }
    await db.end();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop(api);
    await env?.cleanup();
  });

  it('a policy official reads the report, switches level and downloads the PDF and CSV', async () => {
    const tab = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill('pat@example.gov.uk');
    await tab.getByLabel(/password/i).fill(PASSWORD);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });

    // The header's one "Dashboards" link leads to the report, among the section's pages.
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await tab.getByRole('link', { name: 'Impact report' }).click();
    await tab.getByRole('heading', { name: 'Impact report', level: 1 }).waitFor();
    await tab.getByLabel('From').fill('2026-11-01');
    await tab.getByLabel('To (included)').fill('2026-11-30');
    await tab.getByRole('button', { name: 'Show report' }).click();
    await tab
      // Coverage is measured now: the three November opportunities are its denominator.
      .getByText(/^We took part in \d of 3 conversations where there was an opportunity/)
      .waitFor({ timeout: 15_000 });
    expect(new URL(tab.url()).searchParams.get('from')).toBe('2026-11-01');
    await tab.screenshot({ path: resolve(SHOTS, 'impact-report-overview.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);

    await tab.getByLabel('Level of detail').selectOption('full');
    await tab.getByRole('button', { name: 'Show report' }).click();
    await tab
      .getByRole('heading', { name: 'Cases: what worked and what did not' })
      .waitFor({ timeout: 15_000 });
    await tab.getByText(/“Abuse” .*we decided not to engage \(abusive\)/).waitFor();
    await tab.screenshot({ path: resolve(SHOTS, 'impact-report-full.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.emulateMedia({ media: 'print' });
    await tab.screenshot({ path: resolve(SHOTS, 'impact-report-print.png'), fullPage: true });
    await tab.emulateMedia({ media: 'screen' });

    const [pdf] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const pdfPath = resolve(SHOTS, 'impact-report-full.pdf');
    await pdf.saveAs(pdfPath);
    const csv = await tab.request.get(
      `${baseUrl}/api/reports/impact?department=dfe&from=2026-11-01&to=2026-12-01&level=full&format=csv`,
    );
    expect(csv.status()).toBe(200);
    writeFileSync(resolve(SHOTS, 'impact-report-full.csv'), await csv.body());
    expect((await csv.text()).split('\r\n')[3]).toBe('"Level","full"');
    expect(pdf.suggestedFilename()).toBe('parley-impact-dfe-full-2026-11-01-2026-12-01.pdf');
  });
});
