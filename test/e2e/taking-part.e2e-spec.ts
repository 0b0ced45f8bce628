import type { ConversationPage } from '@parley/contracts';
import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import { strFromU8, unzipSync } from 'fflate';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeMastodon,
  type FakeMastodon,
} from '../../libs/ingest/src/publish/test-support/fake-mastodon';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const SHOTS = resolve(ROOT, 'test-results/e2e');
const TOKEN = 'dfe-mastodon-access-token';
const ROOT_STATUS = '109000000000000001';
const QUESTION = 'How do I appeal my son’s exam grade? The school says it is too late.';

const PEOPLE = {
  comms: { email: 'casey@dfe.example.gov.uk', name: 'Casey Comms', role: 'comms' },
  policy: { email: 'pat@dfe.example.gov.uk', name: 'Pat Policy', role: 'policy' },
  secondComms: { email: 'chris@dfe.example.gov.uk', name: 'Chris Comms', role: 'comms' },
} as const;
type Person = keyof typeof PEOPLE;
const passwordOf = (who: Person) => `${who}-long-password`;

/** The draft that trips two checks: a date for something not yet public, and the asker's phone number. */
const RISKY =
  'Hi Priya, the new appeals fund opens to applicants in the spring. Call me on 07700 900123 and I will sort it.';
const FIXED =
  'Hi, Department for Education digital team here: the school can ask the exam board to review the grade. ' +
  'The guidance is on GOV.UK: https://www.gov.uk/appeal-exam-results';

/**
 * The "Done when": a comms officer takes a conversation and drafts a reply that trips the announcement and
 * personal-data checks (both highlighted), fixes it and submits it; a policy official and a second comms officer
 * approve; the reply is published to a local Mastodon server and the conversation shows responded; the next fetch
 * matches the department's post to the reply (counted once); the FOI bundle holds all of it.
 */
describe('taking part: from a tagged conversation to a reply the department can stand behind', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let mastodon: FakeMastodon;
  let baseUrl: string;
  let admin: TestApiClient;
  let conversationId: string;
  let opportunityId: string;
  const tabs = {} as Record<Person, Page>;

  const signIn = async (who: Person) => {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(PEOPLE[who].email);
    await tab.getByLabel(/password/i).fill(passwordOf(who));
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    tabs[who] = tab;
    return tab;
  };
  const openConversation = async (who: Person) => {
    const tab = tabs[who] ?? (await signIn(who));
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    await panel(tab).waitFor({ timeout: 15_000 });
    return tab;
  };
  const panel = (tab: Page) => tab.getByRole('region', { name: /Department for Education: where it stands/ });
  const reviews = async () =>
    (
      await admin.get<{ items: { kind: string }[] }>(`/api/opportunities/${opportunityId}/history`)
    ).body.items.filter((e) => e.kind === 'review').length;
  const status = async () =>
    (await admin.get<{ status: string; version: number }>(`/api/opportunities/${opportunityId}`)).body;

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    mastodon = await startFakeMastodon({ token: TOKEN, account: 'dfe' });
    mastodon.seed({
      id: ROOT_STATUS,
      acct: 'priya',
      content: QUESTION,
      createdAt: new Date(Date.now() - 3_600_000),
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
          accounts: [{ platform: 'mastodon', handle: 'dfe', site: mastodon.origin, accessToken: TOKEN }],
          rules: [{ key: 'appeals', name: 'Exam appeals', query: 'appeal' }],
          // Published guidance on exactly this, so the reply points to it (the route a reply can be posted on).
          resources: [
            {
              title: 'Appeal your exam grade',
              url: 'https://www.gov.uk/appeal-exam-results',
              text: 'How to appeal an exam grade: ask the school to review the grade with the exam board, then appeal.',
            },
          ],
        },
      ],
      // Fetched every 30 seconds (the shortest interval), so the department's published reply comes back soon.
      sources: [
        {
          key: 'instance',
          type: 'mastodon',
          url: `${mastodon.origin}/api/v1/timelines/public`,
          interval: '30s',
        },
      ],
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
    const item = await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
      return body.items[0];
    }, 30_000);
    conversationId = item.id;
    opportunityId = item.tags[0].opportunityId;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await mastodon?.close();
    await env?.cleanup();
  });

  it('a comms officer takes the conversation', async () => {
    const tab = await openConversation('comms');
    await panel(tab).getByRole('button', { name: 'Take it myself' }).click();
    await panel(tab).getByRole('status').getByText('You have taken it on').waitFor({ timeout: 10_000 });
    expect((await status()).status).toBe('assigned');
  });

  it('drafts a reply that trips the announcement and personal-data checks, both highlighted', async () => {
    const tab = await openConversation('comms');
    await tab.getByLabel('Your reply').fill(RISKY);
    const highlighted = tab.locator('#draft-highlighted');
    await highlighted.waitFor({ timeout: 15_000 });
    await highlighted.getByText(/Announcement\)/).waitFor({ timeout: 10_000 });
    await highlighted.getByText(/Personal data\)/).waitFor({ timeout: 10_000 });
    const marked = await highlighted.locator('mark').allTextContents();
    expect(marked.join(' ')).toMatch(/07700 900123/);
    expect(marked.join(' ')).toMatch(/appeals fund opens/);
    await tab.screenshot({ path: resolve(SHOTS, 'taking-part-findings.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('fixes it, saves it and submits it for clearance', async () => {
    const tab = await openConversation('comms');
    await tab.getByLabel('Your reply').fill(FIXED);
    await tab.getByText('The checks found nothing to look at.').waitFor({ timeout: 15_000 });
    await tab.getByRole('button', { name: 'Save draft' }).click();
    await tab.getByRole('button', { name: 'Submit for clearance' }).click();
    await eventually(async () => (await status()).status === 'in-clearance', 15_000);
  });

  it('a policy official and a second comms officer approve it', async () => {
    for (const [index, who] of (['policy', 'secondComms'] as const).entries()) {
      const tab = await openConversation(who);
      const review = tab.getByRole('form', { name: 'Review this draft' });
      await review.waitFor({ timeout: 15_000 });
      await review.getByLabel('Comment').fill(`Fine by ${PEOPLE[who].name}`);
      await review.getByRole('button', { name: /Approve version/ }).click();
      await eventually(async () => (await reviews()) > index, 15_000);
    }
    await eventually(async () => (await status()).status === 'approved', 15_000);
  });

  it('publishes the reply to Mastodon, and the conversation shows responded', async () => {
    const tab = await openConversation('comms');
    const form = tab.getByRole('form', { name: 'Record or publish the reply' });
    await form.getByLabel('Post it now from a department account').check();
    await form.getByLabel('The reply to post').fill(FIXED);
    await form.getByRole('button', { name: 'Publish the reply' }).click();
    const done = tab.getByText('The reply is posted. The conversation is marked as responded.');
    const refused = form.getByRole('alert');
    await done.or(refused).first().waitFor({ timeout: 15_000 });
    expect(await refused.count(), (await refused.allTextContents()).join(' ')).toBe(0);
    await panel(tab).getByText('Responded', { exact: true }).waitFor({ timeout: 15_000 });
    const posted = mastodon.statuses.filter((s) => s.account.acct === 'dfe');
    expect(posted).toEqual([expect.objectContaining({ in_reply_to_id: ROOT_STATUS })]);
    await tab.screenshot({ path: resolve(SHOTS, 'taking-part-responded.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('the next fetch matches the department’s post to the reply, counted once', async () => {
    const list = await eventually(async () => {
      const { body } = await admin.get<{ engagements: { matchedPost: boolean }[] }>(
        `/api/opportunities/${opportunityId}/engagements`,
      );
      return body.engagements.some((e) => e.matchedPost) && body;
    }, 90_000);
    expect(list.engagements).toHaveLength(1);
    const detail = await admin.get<{ posts: { byDepartment: string | null }[] }>(
      `/api/conversations/${conversationId}`,
    );
    expect(detail.body.posts.map((p) => p.byDepartment)).toEqual([null, 'dfe']);
  });

  it('the FOI bundle holds all of it', async () => {
    const tab = await openConversation('comms');
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Download FOI bundle' }).click(),
    ]);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const bundle = JSON.parse(strFromU8(files['bundle.json'])) as {
      thread: { text: string; byDepartment: string | null }[];
      triage: { status: string };
      timeline: { kind: string; actor: string | null }[];
      records: Record<string, Record<string, unknown>[]>;
      engagements: Record<string, unknown>[];
      audit: { action: string; actor: string }[];
    };
    expect(bundle.triage.status).toBe('responded');
    expect(bundle.thread.map((p) => p.byDepartment)).toEqual([null, 'dfe']);
    expect(bundle.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['assigned', 'draft-saved', 'review']),
    );
    expect(bundle.records['draft-versions'].map((v) => v.text)).toEqual(expect.arrayContaining([FIXED]));
    expect(bundle.records['clearance-reviews'].map((r) => r.reviewer_name).sort()).toEqual([
      'Chris Comms',
      'Pat Policy',
    ]);
    expect(bundle.engagements).toEqual([
      expect.objectContaining({ kind: 'reply', publish_state: 'published' }),
    ]);
    expect(bundle.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'opportunity.assign',
        'opportunity.submit',
        'engagement.publish',
        'conversation.bundle',
      ]),
    );
    expect(strFromU8(files['summary.html'])).toContain('Pat Policy');
  });

  it('shows the audit log of it all to the workspace administrator', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    await tab.goto(`${baseUrl}/audit?department=dfe&action=conversation`);
    await tab
      .getByRole('cell', { name: 'Downloaded an FOI case bundle' })
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(
      tab.getByRole('link', { name: 'Export these changes as CSV' }).getAttribute('href'),
    ).resolves.toBe('/api/audit.csv?department=dfe&action=conversation');
    await tab.screenshot({ path: resolve(SHOTS, 'audit-log.png'), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  });

  it('exports the published reply, with its clearance, for the records office', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    await tab.goto(`${baseUrl}/audit`);
    await tab.getByRole('link', { name: 'Export the department’s replies for the records office' }).click();
    await tab.getByRole('heading', { name: 'Records for the records office' }).waitFor({ timeout: 15_000 });
    const today = new Date().toISOString().slice(0, 10);
    await tab.getByLabel('Department').selectOption('dfe');
    // A period that ends before it starts is stopped on the page, with the field named.
    await tab.getByLabel('First day').fill(today);
    await tab.getByLabel('Last day').fill('2020-01-01');
    await tab.getByRole('button', { name: 'Download the records' }).click();
    await tab
      .getByRole('link', { name: 'The last day must be the same as or after the first day' })
      .waitFor();
    await tab.getByLabel('Last day').fill(today);
    await tab.getByText('There is a problem').waitFor({ state: 'detached' });
    await tab.getByLabel('A spreadsheet (CSV)').check();
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.screenshot({ path: resolve(SHOTS, 'records-export.png'), fullPage: true });
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Download the records' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`parley-records-dfe-${today}-${today}.csv`);
    const csvPath = resolve(SHOTS, 'records-export.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv).toContain('"Published from Parley"');
    expect(csv).toContain(FIXED);
    expect(csv).toMatch(/Pat Policy, policy: approve/);
    expect(csv).toContain(QUESTION);
  });
});
