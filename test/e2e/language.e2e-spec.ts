import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT } from './processes';
import { ADMIN, QUESTION, startParley, type ParleyApp } from './parley-app';

const SHOTS = resolve(ROOT, 'test-results/e2e');
/** Kept beside the helpers' notes too, to be looked at: every main screen at 320 px, in each language. */
const NOTES = process.env.PARLEY_SHOTS_DIR;
const WELSH_MONTHS = /Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr/;

describe('language: the main screens in Welsh, the choice remembered, dates in Welsh', () => {
  let app: ParleyApp;
  let browser: Browser;
  let tab: Page;

  const shot = async (name: string) => {
    await tab.setViewportSize({ width: 320, height: 640 });
    await tab.screenshot({ path: resolve(SHOTS, `language-${name}-320.png`), fullPage: true });
    if (NOTES) await tab.screenshot({ path: resolve(NOTES, `i18n-${name}-320.png`), fullPage: true });
    expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.setViewportSize({ width: 1280, height: 900 });
  };
  const h1 = (name: string | RegExp) =>
    tab.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 20_000 });
  const lang = () => tab.evaluate(() => document.documentElement.lang);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startParley();
    browser = await launchBrowser();
    tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('switches the sign-in page to Welsh, marks the page as Welsh and remembers the choice', async () => {
    await tab.goto(`${app.baseUrl}/sign-in`);
    await h1('Sign in to Parley');
    await expect(lang()).resolves.toBe('en-GB');
    await shot('en-sign-in');
    await tab.getByRole('button', { name: 'Newid yr iaith i’r Gymraeg' }).click();
    await h1('Mewngofnodi i Parley');
    await expect(lang()).resolves.toBe('cy');
    await expect(tab.getByLabel('Cyfeiriad e-bost').count()).resolves.toBe(1);
    await expect(tab.title()).resolves.toBe('Mewngofnodi – Parley');
    await tab.reload();
    await h1('Mewngofnodi i Parley');
    await expect(lang()).resolves.toBe('cy');
    await shot('cy-sign-in');
  });

  it('shows the inbox, a conversation and the dashboards in Welsh, with dates in Welsh', async () => {
    await tab.goto(`${app.baseUrl}/sign-in`);
    await tab.getByLabel('Cyfeiriad e-bost').fill(ADMIN.email);
    await tab.getByLabel('Cyfrinair').fill(ADMIN.password);
    await tab.getByRole('button', { name: 'Mewngofnodi' }).click();
    await h1('Mewnflwch');
    await tab.getByRole('link', { name: QUESTION }).waitFor({ timeout: 20_000 });
    const nav = tab.getByRole('navigation', { name: 'Prif lywio' });
    await expect(nav.getByRole('link', { name: 'Dangosfyrddau' }).count()).resolves.toBe(1);
    await expect(tab.getByText('Yn dangos 1 sgwrs').count()).resolves.toBe(1);
    await expect(tab.getByRole('button', { name: 'Dangos sgyrsiau' }).count()).resolves.toBe(1);
    await expect(tab.getByRole('button', { name: 'Allgofnodi' }).count()).resolves.toBe(1);
    await shot('cy-inbox');

    await tab.getByRole('link', { name: QUESTION }).click();
    await h1(QUESTION);
    await expect(tab.getByRole('heading', { name: 'Pam y tagiodd Parley hi' }).count()).resolves.toBe(1);
    await expect(tab.getByRole('heading', { name: 'Edefyn' }).count()).resolves.toBe(1);
    const exact = await tab.locator('.date-time__exact').first().textContent();
    expect(exact).toMatch(WELSH_MONTHS);
    await shot('cy-conversation');

    await nav.getByRole('link', { name: 'Dangosfyrddau' }).click();
    await h1('Dangosfyrddau ac adroddiadau');
    await expect(tab.getByRole('link', { name: 'Ymgysylltu', exact: true }).count()).resolves.toBe(1);
    await shot('cy-dashboards');
  });

  it('switches back to English, with English dates', async () => {
    await tab.getByRole('button', { name: 'Change the language to English' }).click();
    await h1('Dashboards and reports');
    await expect(lang()).resolves.toBe('en-GB');
    await shot('en-dashboards');
    await tab.goto(`${app.baseUrl}/inbox?department=dfe&sort=score`);
    await h1('Inbox');
    await tab.getByRole('link', { name: QUESTION }).waitFor({ timeout: 20_000 });
    await expect(tab.getByText('Showing 1 conversation').count()).resolves.toBe(1);
    await shot('en-inbox');
    await tab.getByRole('link', { name: QUESTION }).click();
    await h1(QUESTION);
    const exact = await tab.locator('.date-time__exact').first().textContent();
    expect(exact).not.toMatch(WELSH_MONTHS);
    await shot('en-conversation');
  });
});
