import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const SHOTS = resolve(ROOT, 'test-results/e2e');

describe('people and account pages', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let browser: Browser;
  let baseUrl: string;
  let admin: TestApiClient;

  const shoot = async (tab: Page, name: string) => {
    await tab.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
  };
  const signInPage = async (email: string, password = PASSWORD) => {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill(email);
    await tab.getByLabel(/password/i).fill(password);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.getByRole('heading', { name: /inbox/i }).first().waitFor({ timeout: 15_000 });
    return tab;
  };
  const banner = (tab: Page) => tab.getByRole('alert').filter({ hasText: 'Success' });

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
    admin = new TestApiClient(baseUrl);
    expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
    await admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dfe', name: 'Department for Education' },
        { key: 'dwp', name: 'Department for Work and Pensions' },
      ],
    });
    for (const [email, name, department, role] of [
      ['dana@example.gov.uk', 'Dana Admin', 'dfe', 'admin'],
      ['vera@example.gov.uk', 'Vera Viewer', 'dfe', 'viewer'],
      ['cal@example.gov.uk', 'Cal Comms', 'dwp', 'comms'],
    ]) {
      const created = await admin.request('POST', '/api/users', {
        email,
        name,
        password: PASSWORD,
        memberships: [{ department, role }],
      });
      expect(created.status).toBe(201);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop(api);
    await env?.cleanup();
  });

  it('a department admin unlocks, changes the role of, resets, disables and adds people', async () => {
    const vera = new TestApiClient(baseUrl);
    expect(await vera.login('vera@example.gov.uk', PASSWORD)).toBe(200);
    const stranger = new TestApiClient(baseUrl);
    for (let i = 0; i < 10; i++) await stranger.login('vera@example.gov.uk', 'guessing wrong');
    expect(await stranger.login('vera@example.gov.uk', PASSWORD)).toBe(429);

    const tab = await signInPage('dana@example.gov.uk');
    await tab.getByRole('link', { name: 'People' }).click();
    await tab
      .getByRole('table', { name: /2 people in Department for Education/ })
      .waitFor({ timeout: 10_000 });
    const veraRow = tab.getByRole('row', { name: /Vera Viewer/ });
    await expect(veraRow.getByText('Locked').isVisible()).resolves.toBe(true);
    await shoot(tab, 'people');

    await tab.getByRole('button', { name: 'Unlock Vera Viewer' }).click();
    await banner(tab).getByText('Vera Viewer can sign in again.').waitFor({ timeout: 10_000 });
    await veraRow.getByText('Locked').waitFor({ state: 'detached', timeout: 10_000 });

    await tab.getByRole('button', { name: 'Sign out everywhere for Vera Viewer' }).click();
    await tab
      .getByRole('dialog', { name: /Sign Vera Viewer out everywhere/ })
      .getByRole('button', { name: 'Sign out everywhere' })
      .click();
    await banner(tab)
      .getByText(/Vera Viewer has been signed out everywhere/)
      .waitFor({ timeout: 10_000 });
    expect((await vera.get('/api/auth/me')).status).toBe(401);
    expect(await vera.login('vera@example.gov.uk', PASSWORD)).toBe(200);

    await tab.getByLabel('Role of Vera Viewer').selectOption({ label: 'Manager' });
    await tab.getByRole('button', { name: 'Change role of Vera Viewer' }).click();
    await banner(tab)
      .getByText(/role in Department for Education is now Manager/)
      .waitFor({ timeout: 10_000 });
    const me = await vera.get<{ departments: { role: string }[] }>('/api/auth/me');
    expect(me.body.departments[0].role).toBe('manager');

    await tab.getByRole('button', { name: 'Reset password of Vera Viewer' }).click();
    const dialog = tab.getByRole('dialog', { name: /Reset Vera Viewer’s password/ });
    await dialog.waitFor({ timeout: 5_000 });
    await shoot(tab, 'people-confirm-reset');
    await dialog.getByRole('button', { name: 'Reset password' }).click();
    const secret = tab.getByLabel('New password for Vera Viewer');
    await secret.waitFor({ timeout: 10_000 });
    const generated = await secret.inputValue();
    expect(generated).toMatch(/^[\w-]{16}$/);
    await shoot(tab, 'people-password-reset');
    expect((await vera.get('/api/auth/me')).status).toBe(401);
    expect(await vera.login('vera@example.gov.uk', generated)).toBe(200);

    await tab.getByRole('button', { name: 'Disable Vera Viewer' }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    await banner(tab)
      .getByText(/account is disabled/)
      .waitFor({ timeout: 10_000 });
    await veraRow.getByText('Disabled').waitFor({ timeout: 10_000 });
    expect((await vera.get('/api/auth/me')).status).toBe(401);

    // Keyboard only: the dialog opens from Enter, and Escape closes it without removing anyone.
    await tab.getByRole('button', { name: 'Remove from department (Vera Viewer)' }).focus();
    await tab.keyboard.press('Enter');
    await tab.getByRole('dialog', { name: /Remove Vera Viewer/ }).waitFor({ timeout: 5_000 });
    await tab.keyboard.press('Escape');
    await tab.getByRole('dialog').waitFor({ state: 'hidden', timeout: 5_000 });
    await expect(veraRow.isVisible()).resolves.toBe(true);

    await tab.getByRole('textbox', { name: 'Email address' }).fill('nina@example.gov.uk');
    await tab.getByRole('button', { name: 'Add to department' }).click();
    await tab.getByText('Enter their name, to make them an account').first().waitFor({ timeout: 10_000 });
    await shoot(tab, 'people-add-error');
    await tab.getByRole('textbox', { name: /Full name/ }).fill('Nina New');
    await tab.getByRole('combobox', { name: 'Role', exact: true }).selectOption({ label: 'Comms officer' });
    await tab.getByRole('button', { name: 'Add to department' }).click();
    const ninaPassword = await tab.getByLabel('Password for Nina New');
    await ninaPassword.waitFor({ timeout: 10_000 });
    expect(
      await new TestApiClient(baseUrl).login('nina@example.gov.uk', await ninaPassword.inputValue()),
    ).toBe(200);
    await tab.getByRole('table', { name: /3 people/ }).waitFor({ timeout: 10_000 });
    await shoot(tab, 'people-added');
  });

  it('anyone changes their password, manages their API tokens and signs out everywhere; People is only shown to admins', async () => {
    const other = new TestApiClient(baseUrl);
    expect(await other.login('cal@example.gov.uk', PASSWORD)).toBe(200);
    const tab = await signInPage('cal@example.gov.uk');
    await expect(tab.getByRole('link', { name: 'People' }).count()).resolves.toBe(0);
    await tab.getByRole('link', { name: 'Your account' }).click();
    await tab.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 10_000 });

    await tab.getByLabel('Current password').fill('not my password');
    await tab.getByLabel('New password', { exact: true }).fill('a-brand-new-password');
    await tab.getByLabel('Type the new password again').fill('a-brand-new-password');
    await tab.getByRole('button', { name: 'Change password' }).click();
    await tab.getByRole('link', { name: 'The current password is not right' }).waitFor({ timeout: 10_000 });
    await shoot(tab, 'account-password-error');
    await tab.getByLabel('Current password').fill(PASSWORD);
    await tab.getByRole('button', { name: 'Change password' }).click();
    await banner(tab).getByText('Your password has been changed').waitFor({ timeout: 10_000 });
    expect((await other.get('/api/auth/me')).status).toBe(401);

    await tab.getByLabel('Name of a new token').fill('Weekly report');
    await tab.getByRole('button', { name: 'Create token' }).click();
    const secret = tab.getByLabel('Token Weekly report');
    await secret.waitFor({ timeout: 10_000 });
    const token = await secret.inputValue();
    const script = new TestApiClient(baseUrl, token);
    expect((await script.get('/api/auth/me')).status).toBe(200);
    await tab.getByRole('table', { name: '1 API token' }).waitFor({ timeout: 10_000 });
    await shoot(tab, 'account-token-created');

    await tab.getByRole('button', { name: 'Revoke Weekly report' }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await banner(tab)
      .getByText(/revoked: it no longer works/)
      .waitFor({ timeout: 10_000 });
    expect((await script.get('/api/auth/me')).status).toBe(401);
    await tab
      .getByRole('row', { name: /Weekly report/ })
      .getByText('Revoked')
      .waitFor({ timeout: 10_000 });
    await shoot(tab, 'account-token-revoked');
    await expect(tab.getByRole('columnheader', { name: 'Expires' }).isVisible()).resolves.toBe(true);

    expect(await other.login('cal@example.gov.uk', 'a-brand-new-password')).toBe(200);
    await tab.getByRole('button', { name: 'Sign out everywhere' }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await tab.getByRole('button', { name: /sign in/i }).waitFor({ timeout: 10_000 });
    expect((await other.get('/api/auth/me')).status).toBe(401);
  });
  it('a workspace administrator sees everyone, and cannot remove the last workspace administrator', async () => {
    const tab = await signInPage(ADMIN.email, ADMIN.password);
    await tab.getByRole('link', { name: 'People' }).click();
    await tab.getByRole('link', { name: 'Everyone in the workspace' }).click();
    const table = tab.getByRole('table', { name: /people in the workspace/ });
    await table.waitFor({ timeout: 10_000 });
    await expect(
      tab
        .getByRole('row', { name: /Cal Comms/ })
        .getByText('Department for Work and Pensions: Comms officer')
        .isVisible(),
    ).resolves.toBe(true);
    await shoot(tab, 'people-everyone');

    const self = tab.getByRole('row', { name: /\(you\)/ });
    await self.getByRole('button', { name: /^Remove workspace admin/ }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Remove workspace administration' }).click();
    await tab
      .getByRole('alert')
      .getByText(/last workspace administrator/)
      .waitFor({ timeout: 10_000 });
    await shoot(tab, 'people-everyone-last-admin');

    await tab.getByRole('button', { name: 'Make workspace admin for Cal Comms' }).click();
    await tab.getByRole('dialog').getByRole('button', { name: 'Make workspace administrator' }).click();
    await banner(tab).getByText('Cal Comms is now a workspace administrator.').waitFor({ timeout: 10_000 });
    await tab
      .getByRole('row', { name: /Cal Comms/ })
      .getByText('Workspace admin', { exact: true })
      .waitFor({ timeout: 10_000 });
    const cal = (await admin.get<{ email: string; workspaceAdmin: boolean }[]>('/api/users')).body;
    expect(cal.find((u) => u.email === 'cal@example.gov.uk')?.workspaceAdmin).toBe(true);
  });
});
