import type { Draft } from '@parley/contracts';
import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const SHOTS = resolve(ROOT, 'test-results/e2e');

/**
 * The draft pane and the clearance queue as people use them: a comms officer drafts beside the thread with the
 * checks highlighting as they type, fixes the draft and submits it; a policy official and another comms officer
 * approve it from the queue.
 */
describe('drafting a reply and clearing it', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let browser: Browser;
  let baseUrl: string;
  let db: Client;
  let opportunityId: string;
  let conversationId: string;
  let pointerId: string;
  let pointerConversationId: string;

  const shoot = async (tab: Page, name: string) => {
    await tab.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  };
  const signInPage = async (email: string) => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill(email);
    await tab.getByLabel(/password/i).fill(PASSWORD);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    return tab;
  };

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
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dfe',
          name: 'Department for Education',
          accounts: [{ platform: 'mastodon', handle: 'dfe', site: 'social.example' }],
          resources: [
            { title: 'Apply for the student grant', url: 'https://www.gov.uk/student-grant', text: 'grant' },
          ],
        },
      ],
      sources: [
        { key: 'forum', type: 'mastodon', url: 'https://social.example', interval: '1h', department: 'dfe' },
      ],
    });
    expect(applied.status).toBe(200);
    for (const [name, role] of [
      ['cara', 'comms'],
      ['colin', 'comms'],
      ['pat', 'policy'],
    ]) {
      const created = await admin.request('POST', '/api/users', {
        email: `${name}@dfe.example.gov.uk`,
        name: name[0].toUpperCase() + name.slice(1),
        password: PASSWORD,
        memberships: [{ department: 'dfe', role }],
      });
      expect(created.status).toBe(201);
    }
    // A tagged thread as tagging leaves it (no worker runs here).
    db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    const source = (await db.query(`SELECT id FROM source WHERE key = 'forum'`)).rows[0].id;
    conversationId = (
      await db.query(
        `INSERT INTO conversation (source_id, root_external_id, title, post_count) VALUES ($1, 'q1', $2, 1) RETURNING id::text`,
        [source, 'When does the new student grant open?'],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, text, author_name, published_at)
       VALUES ($1, 'q1', $2, 'mastodon', 'When does the new student grant open? My email is sam@example.com', 'Sam', now())`,
      [source, conversationId],
    );
    opportunityId = (
      await db.query(
        `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, resources)
         SELECT $1, id, 80, 'clearance', 'Asks about a grant whose dates are not yet published.',
           '[{"title": "Apply for the student grant", "url": "https://www.gov.uk/student-grant", "similarity": 0.8}]'
         FROM department WHERE key = 'dfe' RETURNING id`,
        [conversationId],
      )
    ).rows[0].id;
    pointerId = (
      await db.query(
        `WITH c AS (
           INSERT INTO conversation (source_id, root_external_id, title) VALUES ($1, 'q2', 'Where are the forms?')
           RETURNING id)
         INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
         SELECT c.id, d.id, 60, 'pointer', 'Asks where the forms are.' FROM c, department d WHERE d.key = 'dfe'
         RETURNING id`,
        [source],
      )
    ).rows[0].id;
    pointerConversationId = (
      await db.query(`SELECT conversation_id::text AS id FROM opportunity WHERE id = $1`, [pointerId])
    ).rows[0].id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await stop(api);
    await env?.cleanup();
  });

  it('a comms officer drafts with the checks highlighted, fixes the draft and submits it', async () => {
    const tab = await signInPage('cara@dfe.example.gov.uk');
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    const pane = tab.getByRole('region', { name: 'Draft a reply' });
    await pane.getByRole('heading', { name: 'Suggested: Get clearance first' }).waitFor({ timeout: 15_000 });
    await expect(pane.getByLabel('Account it will be posted from').inputValue()).resolves.not.toBe('');

    const reply = pane.getByLabel('Your reply');
    await reply.fill(
      'Hi, DfE team here. The new grant opens to applicants in the spring. Email sam@example.com for details.',
    );
    const marks = pane.locator('mark');
    await marks.first().waitFor({ timeout: 15_000 });
    const findings = await pane.locator('.draft-findings__item').allInnerTexts();
    expect(findings.some((f) => f.includes('Announcement'))).toBe(true);
    expect(findings.some((f) => f.includes('Personal data'))).toBe(true);
    await shoot(tab, 'draft-findings');

    // Saved as it is, a finding can be set aside, with a reason.
    await pane.getByRole('button', { name: 'Save draft' }).click();
    const first = pane.locator('.draft-findings__item').first();
    await first.getByText('This does not apply').click();
    await first
      .getByLabel('Why does this finding not apply?')
      .fill('The grant dates were announced by the press office on GOV.UK.');
    await first.getByRole('button', { name: 'Set this finding aside' }).click();
    await first.getByText(/Set aside by Cara: The grant dates were announced/).waitFor({ timeout: 15_000 });

    await reply.fill('Hi, DfE team here. ');
    await pane.getByRole('button', { name: 'Insert link to Apply for the student grant' }).click();
    await expect(reply.inputValue()).resolves.toContain('https://www.gov.uk/student-grant');
    await pane.getByText('The checks found nothing to look at.').first().waitFor({ timeout: 15_000 });
    await pane.getByRole('button', { name: 'Save draft' }).click();
    await pane.getByRole('button', { name: 'Submit for clearance' }).click();
    await pane.getByText(/Waiting for a policy official and a comms officer/).waitFor({ timeout: 15_000 });
    // The action panel beside it follows: the opportunity is in clearance now.
    await tab.getByText('In clearance').first().waitFor({ timeout: 15_000 });
    await shoot(tab, 'draft-submitted');
  });

  it('a policy official and another comms officer approve it from the clearance queue', async () => {
    for (const email of ['pat@dfe.example.gov.uk', 'colin@dfe.example.gov.uk']) {
      const tab = await signInPage(email);
      await tab.getByRole('link', { name: 'Clearance' }).click();
      await tab.getByRole('heading', { name: 'Waiting for clearance' }).waitFor({ timeout: 15_000 });
      await tab.getByText('Read and review').click();
      if (email.startsWith('pat')) await shoot(tab, 'clearance-queue');
      await tab.getByRole('button', { name: 'Approve version 2' }).click();
      await tab.getByText('Nothing waiting for you').waitFor({ timeout: 15_000 });
    }
    const admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const draft = (await admin.get<Draft>(`/api/opportunities/${opportunityId}/draft`)).body;
    expect(draft).toMatchObject({ status: 'approved', submission: { outcome: 'approved', missing: [] } });
  });
  it('keeps what was typed when someone else saved meanwhile, and saves it after theirs when asked', async () => {
    const tab = await signInPage('cara@dfe.example.gov.uk');
    await tab.goto(`${baseUrl}/conversations/${pointerConversationId}`);
    const pane = tab.getByRole('region', { name: 'Draft a reply' });
    const reply = pane.getByLabel('Your reply');
    await reply.fill('Hi, DfE team here: the forms are on GOV.UK.');
    await pane.getByRole('button', { name: 'Save draft' }).click();
    await pane.getByRole('button', { name: 'Submit for clearance' }).waitFor({ timeout: 15_000 });

    const colin = new TestApiClient(baseUrl);
    expect(await colin.login('colin@dfe.example.gov.uk', PASSWORD)).toBe(200);
    const theirs = await colin.request('PUT', `/api/opportunities/${pointerId}/draft`, {
      text: 'Hi, DfE team here: Colin’s version.',
      expectedVersion: 1,
    });
    expect(theirs.status).toBe(200);

    const mine = 'Hi, DfE team here: the forms are on GOV.UK, with a guide.';
    await reply.fill(mine);
    await pane.getByRole('button', { name: 'Save draft' }).click();
    await tab
      .getByRole('alert')
      .getByText(/Your text is still in the box/)
      .waitFor({ timeout: 15_000 });
    await expect(reply.inputValue()).resolves.toBe(mine);
    await pane.getByText('Colin saved version 2 while you were writing.').waitFor({ timeout: 15_000 });
    await shoot(tab, 'draft-conflict');
    await pane.getByRole('button', { name: 'Save my text after theirs' }).click();
    await pane
      .getByText('Colin saved version 2 while you were writing.')
      .waitFor({ state: 'detached', timeout: 15_000 });
    const versions = (
      await colin.get<{ version: number; text: string }[]>(`/api/opportunities/${pointerId}/draft/versions`)
    ).body;
    expect(versions.map((v) => [v.version, v.text])).toEqual([
      [3, mine],
      [2, 'Hi, DfE team here: Colin’s version.'],
      [1, 'Hi, DfE team here: the forms are on GOV.UK.'],
    ]);
  });
});
