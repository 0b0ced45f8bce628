import { Logger } from '@nestjs/common';
import { MentionRollupRepository, SentimentRepository, ThemeRepository, createDataSource } from '@parley/db';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { MAX_STEPS, RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { DEPARTMENTS, freshDatabase, percentile, sleep, startBuilt, waitForExit } from './bench-support';
import { generateRollUps, loadPostsAndLog, planOf, seedWorkspace } from './dashboard-load';

const ADMIN = { email: 'bench@example.gov.uk', password: 'a-long-bench-password' };
const DAY_MS = 86_400_000;
const WARM_CALLS = 20;
/** Posts rolled up by the real handlers, to measure the roll-up's cost per post. */
const SLICE = 20_000;

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Every request the three dashboards and the impact report make, for one department (as a path). */
const dashboardQueries = (department: string, now: number): Record<string, string> => {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const window = (days: number) =>
    `department=${department}&from=${new Date(today - days * DAY_MS).toISOString()}&to=${new Date(today).toISOString()}`;
  const month = window(30);
  const year = window(365);
  const series = Object.fromEntries(
    ['velocity', 'net_sentiment', 'opportunities'].flatMap((id) => [
      [`series ${id} month by day`, `/api/metrics/${id}/series?${month}&bucket=day`],
      [`series ${id} year by week`, `/api/metrics/${id}/series?${year}&bucket=week`],
    ]),
  );
  return {
    'metrics month': `/api/metrics?${month}&compare=previous`,
    'metrics year': `/api/metrics?${year}&compare=previous`,
    ...series,
    themes: `/api/themes?${month}&compare=previous`,
    'posts one day': `/api/metrics/posts?${window(1)}`,
    'own posts': `/api/metrics/own-posts?${month}`,
    'sentiment accuracy': `/api/sentiment/accuracy?department=${department}`,
    'impact overview': `/api/reports/impact?${month}&level=overview&format=json`,
  };
};

const freePort = (): Promise<number> =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Signs the admin in once the api answers; the session cookie is what the dashboards send. */
const signIn = async (baseUrl: string): Promise<string> => {
  for (let tries = 0; tries < 240; tries++) {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }).catch(() => null);
    const cookie = response?.headers.get('set-cookie')?.split(';')[0];
    if (response?.status === 200 && cookie) return cookie;
    await sleep(500);
  }
  throw new Error('the api did not start or would not sign the bench admin in');
};

const timedGet = async (baseUrl: string, cookie: string, path: string): Promise<number> => {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return ms;
};

const summary = (times: number[]) => ({
  p50Ms: Math.round(percentile(times, 50)),
  p95Ms: Math.round(percentile(times, 95)),
});

/**
 * Cold: each query's first call for each department, in a freshly started api (ten first calls, one per
 * department's own data). Warm: the same query for the first department again, WARM_CALLS times.
 */
const timeQueries = async (baseUrl: string, cookie: string) => {
  const now = Date.now();
  const cold: Record<string, number[]> = {};
  for (const [key] of DEPARTMENTS) {
    for (const [name, path] of Object.entries(dashboardQueries(key, now))) {
      (cold[name] ??= []).push(await timedGet(baseUrl, cookie, path));
    }
  }
  const queries: Record<string, { p50Ms: number; p95Ms: number }> = {};
  for (const [name, path] of Object.entries(dashboardQueries(DEPARTMENTS[0][0], now))) {
    const warm: number[] = [];
    for (let i = 0; i < WARM_CALLS; i++) warm.push(await timedGet(baseUrl, cookie, path));
    queries[name] = summary(warm);
    queries[`${name} (cold)`] = summary(cold[name]);
  }
  return queries;
};

/** The real RollUpMentions, RollUpSentiment and RollUpThemes handlers over the slice the generator left. */
const rollUpSlice = async (databaseUrl: string): Promise<Record<string, number>> => {
  // The handlers log each run; stdout is the bench's one JSON object.
  Logger.overrideLogger(['error', 'warn']);
  const dataSource = await createDataSource(databaseUrl, { poolSize: 2 }).initialize();
  const [mentions, sentiment, themes] = [
    new MentionRollupRepository(),
    new SentimentRepository(),
    new ThemeRepository(),
  ];
  const handlers = {
    mentions: new RollUpMentionsHandler(dataSource, mentions, sentiment, themes),
    sentiment: new RollUpSentimentHandler(dataSource, mentions, sentiment),
    themes: new RollUpThemesHandler(dataSource, themes),
  };
  const ms: Record<string, number> = {};
  try {
    for (const [name, handler] of Object.entries(handlers)) {
      const started = performance.now();
      // A run of the themes job takes at most MAX_STEPS steps; the schedule runs it again until it has caught up.
      for (let run = 0; run < 100; run++) {
        const done = await handler.handle();
        if (!('themes' in done) || done.steps < MAX_STEPS) break;
      }
      ms[name] = performance.now() - started;
    }
  } finally {
    await dataSource.destroy();
  }
  return ms;
};

/**
 * `npm run bench -- dashboard [--posts N]` (default 10 million): a year of posts across ten departments with their
 * conversations, opportunities and engagements, the roll-ups filled, then every dashboard request timed through
 * the built api, cold and warm.
 */
export const runDashboardBench = async (args: string[]): Promise<Record<string, unknown>> => {
  const flag = args.indexOf('--posts');
  const posts = flag >= 0 ? Number(args[flag + 1]) : 10_000_000;
  const plan = planOf(posts, Math.min(SLICE, Math.floor(posts / 10)));
  const databaseUrl = await freshDatabase('parley_bench_dashboard');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const env = {
    DATABASE_URL: databaseUrl,
    PARLEY_QUEUE_PREFIX: `parley-bench-${randomBytes(3).toString('hex')}`,
    PARLEY_SESSION_SECRET: process.env.PARLEY_SESSION_SECRET ?? randomBytes(32).toString('hex'),
    PARLEY_SECRET_KEY: process.env.PARLEY_SECRET_KEY ?? randomBytes(32).toString('hex'),
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_LOG_FORMAT: 'json',
    NODE_ENV: 'production',
  };
  let api: ReturnType<typeof startBuilt> | null = null;
  try {
    const workspace = await seedWorkspace(db);
    await waitForExit(startBuilt('apps/api/src/cli.js', env, ['bootstrap']));
    let started = performance.now();
    await loadPostsAndLog(db, databaseUrl, plan, workspace);
    const loadSeconds = seconds(started);
    started = performance.now();
    await generateRollUps(db, plan);
    const generatedRollUpSeconds = seconds(started);
    // What autovacuum would have done by the time the next job runs or anyone opens a dashboard: statistics and
    // visibility maps (without statistics the themes job planned a scan of every post, 25 s a step at 3M posts).
    started = performance.now();
    await db.query('VACUUM ANALYZE');
    const vacuumSeconds = seconds(started);
    const handlerMs = await rollUpSlice(databaseUrl);
    const totalHandlerMs = Object.values(handlerMs).reduce((a, b) => a + b, 0);
    await db.query('ANALYZE');
    const port = await freePort();
    api = startBuilt('apps/api/src/main.js', { ...env, PORT: String(port) });
    const baseUrl = `http://127.0.0.1:${port}`;
    const cookie = await signIn(baseUrl);
    const counts = (
      await db.query<Record<string, number>>(
        `SELECT (SELECT count(*) FROM post)::int AS posts, (SELECT count(*) FROM conversation)::int AS conversations,
           (SELECT count(*) FROM opportunity)::int AS opportunities, (SELECT count(*) FROM engagement)::int AS engagements,
           (SELECT count(*) FROM post WHERE by_department_id IS NOT NULL)::int AS "ownPosts",
           (SELECT count(*) FROM mention_post)::int AS "mentionPosts"`,
      )
    ).rows[0];
    return {
      ...counts,
      departments: DEPARTMENTS.length,
      queries: await timeQueries(baseUrl, cookie),
      rollupMsPer1000Posts: Math.round((totalHandlerMs / plan.slice) * 1000),
      rollupSlice: {
        posts: plan.slice,
        msPer1000Posts: Object.fromEntries(
          Object.entries(handlerMs).map(([name, ms]) => [name, Math.round((ms / plan.slice) * 1000)]),
        ),
      },
      loadSeconds,
      generatedRollUpSeconds,
      vacuumSeconds,
      databaseSize: (
        await db.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)
      ).rows[0].s,
    };
  } finally {
    if (api) {
      api.kill('SIGTERM');
      await waitForExit(api);
    }
    await db.end();
  }
};
