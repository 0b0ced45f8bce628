import type { ConversationPage } from '@parley/contracts';
import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
const TOKEN = 'department-access-token';
const ROOT_ID = '100000000000000001';

describe('recording or publishing the reply from the conversation page', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let worker: ChildProcess;
  let browser: Browser;
  let mastodon: FakeMastodon;
  let baseUrl: string;
  let tab: Page;
  let conversationId: string;

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
    mkdirSync(SHOTS, { recursive: true });
    mastodon = await startFakeMastodon({ token: TOKEN, account: 'dvsa' });
    mastodon.seed({
      id: ROOT_ID,
      acct: 'alex',
      content: 'How do I change my driving test date?',
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
    browser = await launchBrowser();
    tab = await browser.newPage();
    const admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    const applied = await admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dvsa',
          name: 'Driver and Vehicle Standards Agency',
          rules: [{ key: 'tests', name: 'Driving tests', query: 'driving' }],
          accounts: [{ platform: 'mastodon', handle: 'dvsa', site: mastodon.origin, accessToken: TOKEN }],
          resources: [
            {
              title: 'Change your driving test appointment',
              url: 'https://www.gov.uk/change-driving-test',
              text: 'Change the date of your driving test or move your driving test to another test centre.',
            },
          ],
        },
      ],
      sources: [
        {
          key: 'instance',
          type: 'mastodon',
          url: `${mastodon.origin}/api/v1/timelines/public`,
          interval: '1h',
        },
      ],
    });
    expect(applied.status).toBe(200);
    conversationId = await eventually(async () => {
      const { body } = await admin.get<ConversationPage>('/api/conversations?department=dvsa');
      return body.items[0]?.id;
    }, 20_000);
    await tab.goto(`${baseUrl}/`);
    await tab.getByLabel(/email/i).fill(ADMIN.email);
    await tab.getByLabel(/password/i).fill(ADMIN.password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(api), stop(worker)]);
    await mastodon?.close();
    await env?.cleanup();
  });

  const form = () => tab.getByRole('form', { name: 'Record or publish the reply' });

  it('summarises what is missing, then publishes to the department’s Mastodon account', async () => {
    await tab.goto(`${baseUrl}/conversations/${conversationId}`);
    await form().waitFor({ timeout: 15_000 });
    expect(await accessibilityViolations(tab)).toEqual([]);

    await form().getByRole('button', { name: 'Record the reply' }).click();
    await form()
      .getByRole('alert')
      .getByText(/Enter the address of the post, or paste what was posted/)
      .waitFor({ timeout: 5_000 });
    expect(await accessibilityViolations(tab)).toEqual([]);
    await form().screenshot({ path: resolve(SHOTS, 'engagement-form-errors.png') });

    await form().getByLabel('Post it now from a department account').check();
    await form()
      .getByLabel('The reply to post')
      .fill('Hi, DVSA here: you can change your driving test date on GOV.UK.');
    await form()
      .getByLabel(/You said, we did/)
      .check();
    await form().getByRole('button', { name: 'Publish the reply' }).click();
    await tab
      .getByText('The reply is posted. The conversation is marked as responded.')
      .waitFor({ timeout: 15_000 });
    await tab.getByText(/Posted from Parley/).waitFor({ timeout: 10_000 });
    expect(
      mastodon.statuses.filter((s) => s.account.acct === 'dvsa' && s.in_reply_to_id === ROOT_ID),
    ).toHaveLength(1);
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.screenshot({ path: resolve(SHOTS, 'engagement-form.png'), fullPage: true });
  });
});
