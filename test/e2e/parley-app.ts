import type { ConversationPage } from '@parley/contracts';
import {
  TestApiClient,
  createTestEnvironment,
  eventually,
  rssFeed,
  startFixtureServer,
  type TestEnvironment,
} from '@parley/testing';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT, freePort, runToEnd, startProcess, stop } from './processes';

export const ADMIN = { email: 'admin@example.gov.uk', password: 'a-long-admin-password' };
export const QUESTION = 'When will my student loan repayments stop?';

export type ParleyApp = {
  baseUrl: string;
  admin: TestApiClient;
  /** The id of the one conversation the fixture feed gives the department. */
  conversationId: string;
  /** An open alert on the department's rule, and the RESIST case opened from it. */
  alertId: string;
  caseId: string;
  close: () => Promise<void>;
};

/**
 * The built api and worker on a fresh database, a department with one rule, and a feed whose one matching
 * question has been fetched and tagged: enough for every page to have something to show.
 */
export const startParley = async (): Promise<ParleyApp> => {
  for (const file of ['dist/server/apps/api/src/main.js', 'dist/web/index.html']) {
    if (!existsSync(resolve(ROOT, file)))
      throw new Error(`${file} is missing: run "npm run build" first (npm test does).`);
  }
  const server = await startFixtureServer({
    '/forum.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rssFeed('Money forum', [
          {
            guid: 'q1',
            title: QUESTION,
            description: 'I finished university in 2019. When do student loan repayments stop?',
            author: 'Alex',
          },
        ]),
      );
    },
  });
  const port = await freePort();
  const env: TestEnvironment = await createTestEnvironment({
    PORT: String(port),
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
  });
  await runToEnd('apps/api/src/cli.js', env.env, ['bootstrap']);
  const processes: ChildProcess[] = [
    startProcess('apps/api/src/main.js', env.env),
    startProcess('apps/worker/src/main.js', env.env),
  ];
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(async () => (await fetch(`${baseUrl}/api/health`)).ok, 60_000);
  const admin = new TestApiClient(baseUrl);
  if ((await admin.login(ADMIN.email, ADMIN.password)) !== 200)
    throw new Error('the admin could not sign in');
  const applied = await admin.request('PUT', '/api/workspace', {
    departments: [
      {
        key: 'dfe',
        name: 'Department for Education',
        rules: [{ key: 'student-loans', name: 'Student loans', query: 'student loan' }],
      },
    ],
    sources: [{ key: 'money-forum', type: 'feed', url: server.url('/forum.xml'), interval: '30m' }],
  });
  if (applied.status !== 200) throw new Error(`the workspace was refused: ${JSON.stringify(applied.body)}`);
  const page = await eventually(async () => {
    const { body } = await admin.get<ConversationPage>('/api/conversations?department=dfe');
    return body.items.length > 0 && body;
  }, 60_000);
  const alertId = await plantAlert(env.databaseUrl);
  const opened = await admin.request('POST', `/api/alerts/${alertId}/case`);
  if (opened.status !== 201) throw new Error(`no case was opened: ${JSON.stringify(opened.body)}`);
  return {
    baseUrl,
    admin,
    conversationId: page.items[0].id,
    alertId,
    caseId: (opened.body as { id: string }).id,
    close: async () => {
      await Promise.all(processes.map(stop));
      await server.close();
      await env.cleanup();
    },
  };
};

/**
 * An alert as the detectors store one (a week of hourly history with its band), written straight to the table:
 * raising one through the feed would need thousands of posts of history first.
 */
const plantAlert = async (databaseUrl: string): Promise<string> => {
  const hour = (h: number) => new Date(Math.floor(Date.now() / 3_600_000 - h) * 3_600_000).toISOString();
  const measure = {
    window: 'day',
    observed: 12,
    expected: 2,
    threshold: 5,
    spread: 1.5,
    n: 288,
    baselineN: 336,
    unit: 'mentions per hour',
  };
  const explanation = {
    summary: 'Posts on student loans are six times the usual rate, mostly from one forum.',
    terms: [{ term: 'repayment threshold', count: 40, baselineCount: 2 }],
    hashtags: [],
    sources: [{ name: 'money-forum', platform: 'web', posts: 288 }],
    posts: [],
    newParticipantsShare: 0.5,
    partners: [],
    expectedEvent: null,
    classifierAccuracy: null,
  };
  const points = Array.from({ length: 168 }, (_, i) => ({
    at: hour(167 - i),
    observed: i > 143 ? 12 : 2,
    expected: 2,
    low: 0,
    high: 5,
  }));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO alert (department_id, kind, scope_type, scope_id, scope_label, severity, started_at, last_seen_at,
         measure, explanation, series)
       SELECT d.id, 'spike', 'rule', r.id, r.name, 3, $1, now(), $2, $3, $4
       FROM department d JOIN listening_rule r ON r.department_id = d.id AND r.key = 'student-loans'
       WHERE d.key = 'dfe' RETURNING id::text`,
      [
        hour(23),
        JSON.stringify(measure),
        JSON.stringify(explanation),
        JSON.stringify({ unit: 'mentions per hour', points }),
      ],
    );
    return rows[0].id;
  } finally {
    await db.end();
  }
};
