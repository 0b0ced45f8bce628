import { TestApiClient, createTestEnvironment, eventually, type TestEnvironment } from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './browser';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
const PASSWORD = 'a-long-enough-password';
const OUTCOME = 'https://www.gov.uk/government/consultations/exam-appeals/outcome';

/** Both widths the brief asks to look at: a desktop and the narrowest phone (WCAG reflow at 320 px). */
const shoot = async (tab: Page, name: string) => {
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.screenshot({ path: `/tmp/records-${name}-1280.png`, fullPage: true });
  await tab.setViewportSize({ width: 320, height: 900 });
  await tab.screenshot({ path: `/tmp/records-${name}-320.png`, fullPage: true });
  await tab.setViewportSize({ width: 1280, height: 900 });
};

/**
 * The evaluation records, entered by a policy official in the browser: an exercise opened, closed and its
 * loop closed with a "you said, we did" post carried by a reply; the follow-ups that fell due recorded as an
 * influence entry with evidence (a bad link first, refused with the error summary); a lesson linked to a
 * conversation found by search; a survey and a cost, read back in words; a cost changed and a survey deleted.
 */
describe('evaluation records: a policy official records what the department’s engagement achieved', () => {
  let env: TestEnvironment;
  let api: ChildProcess;
  let browser: Browser;
  let baseUrl: string;
  let conversationId: string;

  beforeAll(async () => {
    for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
      if (!existsSync(resolve(ROOT, file)))
        throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
    }
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
          key: 'forum',
          name: 'Parents forum',
          type: 'feed',
          url: 'http://127.0.0.1:9/f.xml',
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
    // One tagged conversation about exam appeals, with the department's reply on it; and two more engagements in
    // the first quarter, so the quarter's cost is shared by three.
    const db = new Client({ connectionString: env.databaseUrl });
    await db.connect();
    conversationId = (
      await db.query(
        `WITH c AS (INSERT INTO conversation (source_id, root_external_id, title, post_count, started_at, last_activity_at)
           SELECT id, 'appeals', 'Exam appeals deadline', 1, '2026-01-20T09:00:00Z', '2026-01-20T09:00:00Z'
           FROM source WHERE key = 'forum' RETURNING id, source_id),
         p AS (INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, author_name)
           SELECT source_id, 'appeals-1', id, 'web', 'How do I appeal my son’s exam grade? The school says it is too late.',
             '2026-01-20T09:00:00Z', 'A parent' FROM c RETURNING conversation_id),
         o AS (INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status, created_at)
           SELECT c.id, d.id, 70, 'direct', 'Asks how to appeal.', 'responded', '2026-01-20T09:05:00Z'
           FROM c, department d WHERE d.key = 'dfe' RETURNING id, conversation_id, department_id)
         INSERT INTO engagement (conversation_id, department_id, opportunity_id, kind, url, occurred_at, draft)
         SELECT conversation_id, department_id, id, 'reply', 'https://example.org/reply', '2026-01-21T10:00:00Z',
           'The school can ask the exam board to review the grade.' FROM o
         RETURNING conversation_id::text AS id`,
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO engagement (conversation_id, department_id, kind, occurred_at)
       SELECT $1, d.id, 'detected', t FROM department d,
         unnest(ARRAY['2026-02-10', '2026-03-10']::timestamptz[]) AS t WHERE d.key = 'dfe'`,
      [conversationId],
    );
    await db.end();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stop(api);
    await env?.cleanup();
  });

  it('records an exercise, its follow-up with evidence, a lesson, a survey and a cost, and changes them', async () => {
    const tab = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const clean = async () => expect(await accessibilityViolations(tab)).toEqual([]);
    await tab.goto(`${baseUrl}/sign-in`);
    await tab.getByLabel(/email/i).fill('pat@example.gov.uk');
    await tab.getByLabel(/password/i).fill(PASSWORD);
    await tab.getByRole('button', { name: /sign in/i }).click();
    await tab.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 15_000 });
    await tab.goto(`${baseUrl}/evaluation-records/dfe`);
    await tab
      .getByRole('heading', { name: 'Evaluation records: Department for Education', level: 1 })
      .waitFor();
    await tab.getByText('No exercises yet. Add one when an engagement exercise starts.').waitFor();
    await clean();
    await shoot(tab, 'empty');

    // An objective the survey below measures, then changed: its target from 70 to 75.
    await tab.locator('summary', { hasText: 'Add an objective' }).click();
    const objective = tab.locator('#objective-new');
    await objective.getByLabel('Objective').fill('More parents know how to appeal an exam grade');
    await objective.getByLabel('Audience').fill('Parents in England');
    await objective.getByLabel('Measured by').selectOption({ label: 'Surveyed outcome change' });
    await objective.getByLabel('Target (optional)').fill('70');
    await objective.getByLabel('From', { exact: true }).fill('2026-01-01');
    await objective.getByLabel('To', { exact: true }).fill('2026-07-01');
    await objective.getByRole('button', { name: 'Add objective' }).click();
    const objectives = tab.getByRole('region', { name: 'Objectives' });
    await objectives.getByText(/baseline not set, target 70, 1 January 2026 until 1 July 2026/).waitFor();
    await objectives.getByRole('button', { name: /^Change the objective/ }).click();
    await objectives
      .getByRole('form', { name: 'Change the objective' })
      .getByLabel('Target (optional)')
      .fill('75');
    await objectives.getByRole('button', { name: 'Save changes' }).click();
    await objectives.getByText(/target 75,/).waitFor();

    // An exercise, opened with the keyboard: the "Add an exercise" summary is reached and opened like a button.
    await tab.locator('summary', { hasText: 'Add an exercise' }).press('Enter');
    const newExercise = tab.locator('#exercise-new');
    await newExercise.getByLabel('Title').fill('Exam appeals consultation');
    await newExercise.getByLabel('Topic (optional)').fill('Exam appeals');
    await newExercise.getByLabel('Started on').fill('2026-01-05');
    await newExercise.getByRole('button', { name: 'Add exercise' }).click();
    const card = tab.getByRole('region', { name: 'Exam appeals consultation' });
    await card.waitFor();
    await card.getByText('Still open').waitFor();
    // The form folds away once the exercise is added, and the person is back on its summary.
    await newExercise.waitFor({ state: 'detached' });
    await expect.poll(() => tab.evaluate(() => document.activeElement?.textContent)).toBe('Add an exercise');

    // Closed on 1 February: the 3-month (1 May) and 6-month (1 August) follow-ups have come due by now.
    await card.getByRole('button', { name: 'Close exercise Exam appeals consultation' }).click();
    await card.getByLabel('Closed on (optional)').fill('2026-02-01');
    await card.getByRole('button', { name: 'Close exercise', exact: true }).click();
    await card.getByText('1 February 2026').waitFor();
    const due = tab.getByRole('region', { name: 'Follow-ups due' });
    await due.getByText('The 3-month follow-up of “Exam appeals consultation” was due 1 May 2026').waitFor();
    await due.getByText('The 6-month follow-up').waitFor();

    // "You said, we did": the outcome page, carried by the department's reply in the conversation (pasted link).
    await card.getByRole('button', { name: 'Add “you said, we did” for Exam appeals consultation' }).click();
    await card.getByLabel('Link to the update').fill(OUTCOME);
    await card.getByLabel('Posted on (optional)').fill('2026-03-01');
    await card.getByLabel('Or paste a conversation link').fill(`${baseUrl}/conversations/${conversationId}`);
    await card.getByRole('button', { name: 'Add link' }).click();
    await card.getByRole('link', { name: 'Exam appeals deadline' }).waitFor();
    await card.getByLabel(/^Reply on .*The school can ask the exam board/).check();
    await clean();
    await card.getByRole('button', { name: 'Save update' }).click();
    await card.getByRole('link', { name: 'The update for Exam appeals consultation' }).waitFor();
    expect(
      await card.getByRole('link', { name: 'The update for Exam appeals consultation' }).getAttribute('href'),
    ).toBe(OUTCOME);

    // The follow-up, recorded from the banner: a bad evidence link first.
    await due
      .getByRole('button', { name: 'Record the follow-up of Exam appeals consultation' })
      .first()
      .click();
    const followUp = due.getByRole('form', {
      name: 'Record the 3-month follow-up of “Exam appeals consultation”',
    });
    await followUp.getByLabel('Cited in a submission').check();
    await followUp
      .getByLabel('Note (optional)')
      .fill('The options paper to the minister quotes the parents’ posts.');
    await followUp.getByRole('button', { name: 'Add an evidence link' }).click();
    await followUp.getByLabel('Evidence 1: title').fill('Options paper, March 2026');
    await followUp.getByLabel('Evidence 1: link').fill('options paper on the shared drive');
    await followUp.getByRole('button', { name: 'Record influence' }).click();
    const summary = followUp.getByRole('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect.poll(() => tab.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    const problem = summary.getByRole('link', { name: /The evidence link must be an http\(s\) address/ });
    await problem.waitFor();
    await followUp.getByText(/Error: The evidence link must be an http\(s\) address/).waitFor();
    await clean();
    await shoot(tab, 'error-summary');
    // The summary's link takes the person to the field.
    await problem.click();
    await expect.poll(() => tab.evaluate(() => document.activeElement?.id)).toMatch(/evidence\[0\]\.url$/);
    await tab.keyboard.press('Control+A');
    await tab.keyboard.type('https://www.gov.uk/government/publications/exam-appeals-options');
    await followUp.getByRole('button', { name: 'Record influence' }).click();
    // Recording it marks both follow-ups that had come due as done: the banner goes.
    await due.waitFor({ state: 'detached' });
    await card.getByText('Cited in a submission').first().waitFor();
    await card.getByRole('link', { name: 'Options paper, March 2026' }).waitFor();
    await card.getByText('12 months, due 1 February 2027').waitFor();

    // A lesson, linked to the conversation found by its words, and to the reply on it.
    await tab.locator('summary', { hasText: 'Add a lesson' }).click();
    const lesson = tab.locator('#lesson-new');
    await lesson
      .getByLabel('What did not work?')
      .fill('We replied after the appeal window had closed for most parents.');
    await lesson.getByLabel('Exercise (optional)').selectOption({ label: 'Exam appeals consultation' });
    await lesson.getByLabel('Find a conversation').fill('appeal grade');
    await lesson.getByLabel('Find a conversation').press('Enter');
    await lesson.getByRole('button', { name: 'Link Exam appeals deadline' }).click();
    await lesson.getByLabel(/^Reply on .*The school can ask the exam board/).check();
    await clean();
    await lesson.getByRole('button', { name: 'Add lesson' }).click();
    const lessons = tab.getByRole('region', { name: 'What did not work' });
    await lessons.getByText('We replied after the appeal window had closed for most parents.').waitFor();
    await lessons
      .getByText(/from “Exam appeals consultation”; linked to 1 conversation and 1 engagement/)
      .waitFor();

    // A survey: 48 of 80 agreed before (60%), 56 of 70 after (80%): +20 points, Newcombe's 95% interval
    // 5.24 to 33.39 (the worked example in the domain's tests).
    await tab.locator('summary', { hasText: 'Add a surveyed outcome' }).click();
    const survey = tab.locator('#survey-new');
    await survey.getByLabel('Question asked').fill('I know how to appeal an exam grade');
    await survey.getByLabel('How people were surveyed').fill('Online panel of parents');
    const before = survey.getByRole('group', { name: 'Before the exercise' });
    await before.getByLabel('Number who agreed').fill('48');
    await before.getByLabel('Number asked').fill('80');
    const after = survey.getByRole('group', { name: 'After the exercise' });
    await after.getByLabel('Number who agreed').fill('56');
    await after.getByLabel('Number asked').fill('70');
    await survey.getByLabel('Objective it measures (optional)').selectOption({
      label: 'More parents know how to appeal an exam grade',
    });
    await survey.getByLabel('Surveyed on').fill('2026-04-01');
    await survey.getByRole('button', { name: 'Add survey' }).click();
    const surveys = tab.getByRole('region', { name: 'Surveyed outcomes' });
    await surveys
      .getByText(
        'Before, 48 of 80 agreed (60%). After, 56 of 70 agreed (80%). Agreement was 20.0 percentage points higher ' +
          'afterwards: we can be 95% confident the real change is somewhere between 5.2 and 33.4 points, so it very likely rose.',
      )
      .waitFor();

    // A cost for the first quarter: 30 h × £40 + £300 = £1,500, over the 3 engagements in it = £500 each.
    await tab.locator('summary', { hasText: 'Add an input cost' }).click();
    const cost = tab.locator('#cost-new');
    await cost.getByLabel('From').fill('2026-01-01');
    await cost.getByLabel('To', { exact: true }).fill('2026-04-01');
    await cost.getByLabel('Staff hours').fill('30');
    await cost.getByLabel('Hourly rate, in pounds').fill('40');
    await cost.getByLabel('Tool cost for the period, in pounds (optional)').fill('300');
    await cost.getByText('That comes to £1,500.00.').waitFor();
    await cost.getByRole('button', { name: 'Add cost' }).click();
    const costs = tab.getByRole('region', { name: 'Input costs' });
    await costs
      .getByText('£1,500.00 in all: £500.00 for each of the 3 engagements in this period.')
      .waitFor();
    await clean();
    await shoot(tab, 'filled');

    // Changed: 45 h × £40 + £300 = £2,100 → £700 each.
    await costs.getByRole('button', { name: 'Change the cost for 2026-01-01 to 2026-04-01' }).click();
    const change = costs.getByRole('form', { name: 'Change the cost' });
    await change.getByLabel('Staff hours').fill('45');
    await change.getByRole('button', { name: 'Save changes' }).click();
    await costs
      .getByText('£2,100.00 in all: £700.00 for each of the 3 engagements in this period.')
      .waitFor();

    // Deleted, after a confirm (Escape first: nothing goes).
    await surveys
      .getByRole('button', { name: 'Delete the survey “I know how to appeal an exam grade”' })
      .click();
    const dialog = tab.getByRole('dialog', {
      name: 'Delete the survey “I know how to appeal an exam grade”?',
    });
    await dialog.waitFor();
    await clean();
    await shoot(tab, 'confirm');
    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await surveys
      .getByRole('button', { name: 'Delete the survey “I know how to appeal an exam grade”' })
      .click();
    await dialog.getByRole('button', { name: 'Yes, delete it' }).click();
    await surveys.getByText('No surveys yet.').waitFor();
    await clean();
  });
});
