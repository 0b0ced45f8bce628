import { Logger } from '@nestjs/common';
import { englandAndWalesBankHolidays } from '@parley/config';
import {
  AlertDetectionRepository,
  createDataSource,
  MentionRollupRepository,
  SentimentRepository,
  ThemeRepository,
} from '@parley/db';
import type { DataSource } from 'typeorm';
import { EvaluateAlertsHandler } from '../../apps/worker/src/handlers/evaluate-alerts.handler';
import { RollUpMentionsHandler } from '../../apps/worker/src/handlers/roll-up-mentions.handler';
import { RollUpSentimentHandler } from '../../apps/worker/src/handlers/roll-up-sentiment.handler';
import { RollUpThemesHandler } from '../../apps/worker/src/handlers/roll-up-themes.handler';
import { AlertEvaluator } from '../../apps/worker/src/services/alert-evaluator.service';
import { ROLLUP_SOON_WINDOW_MS } from '@parley/jobs';
import {
  DEPARTMENTS,
  FILLER,
  VOCABULARY,
  freshDatabase,
  percentile,
  pick,
  prng,
  sleep,
} from './bench-support';

const random = prng(12);
const RULES_PER_DEPARTMENT = 3;
const THEMES_PER_DEPARTMENT = 6;
const PARTNERS = ['Tesco', 'Serco'];
/** The ingest benchmark's measured end-to-end rate on this machine (issue 3's notes: 3,212–3,510 posts/s). */
const INGEST_RATE = 3_000;

type Args = { rate: number; seconds: number; rounds: number };
const argsOf = (args: string[]): Args => {
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  return {
    rate: value('--rate', INGEST_RATE),
    seconds: value('--seconds', 40),
    rounds: value('--rounds', 5),
  };
};

/** Departments with rules, themes and partners, and a year of hourly history for every scope, up to this hour. */
const seed = async (ds: DataSource): Promise<void> => {
  for (const [key, name, aliases] of DEPARTMENTS) {
    await ds.query(`INSERT INTO department (key, name, aliases) VALUES ($1, $2, $3)`, [key, name, aliases]);
  }
  await ds.query(
    `INSERT INTO source (key, name, type, url, interval_ms) VALUES ('forum', 'Forum', 'feed', 'https://example.org/f', 3600000)`,
  );
  await ds.query(
    `INSERT INTO listening_rule (department_id, key, name, query)
     SELECT d.id, 'rule-' || n, 'Rule ' || n, 'word' || n FROM department d, generate_series(1, $1) n`,
    [RULES_PER_DEPARTMENT],
  );
  await ds.query(
    `INSERT INTO theme (id, department_id, key, label, keyphrases)
     SELECT gen_random_uuid(), d.id, 'theme-' || n, 'Theme ' || n, '[]' FROM department d, generate_series(1, $1) n`,
    [THEMES_PER_DEPARTMENT],
  );
  await ds.query(
    `INSERT INTO delivery_partner (department_id, name) SELECT d.id, p FROM department d, unnest($1::text[]) p`,
    [PARTNERS],
  );
  const hours = `generate_series(date_bin('1 hour', now(), timestamptz '2000-01-01') - interval '365 days',
    date_bin('1 hour', now(), timestamptz '2000-01-01') - interval '1 hour', interval '1 hour') AS h`;
  // About 200 mentions an hour per department, 50 per rule, theme and partner, with noise: a year of it.
  await ds.query(
    `INSERT INTO mention_hour (department_id, hour, source_id, platform, mentions, excluded)
     SELECT d.id, h, s.id, 'web', 180 + floor(random() * 40)::int, 0 FROM department d, source s, ${hours}`,
  );
  await ds.query(
    `INSERT INTO alert_scope_hour (department_id, scope_type, scope_id, hour, source_id, posts, campaign)
     SELECT k.department_id, k.type, k.id, h, s.id, 40 + floor(random() * 20)::int, 0
     FROM (SELECT department_id, 'rule' AS type, id FROM listening_rule UNION ALL
           SELECT department_id, 'theme', id FROM theme UNION ALL
           SELECT department_id, 'partner', id FROM delivery_partner) k, source s, ${hours}`,
  );
  await ds.query(
    `INSERT INTO sentiment_hour (department_id, hour, label, posts, excluded)
     SELECT d.id, h, l, 50 + floor(random() * 20)::int, 0
     FROM department d, unnest(ARRAY['negative', 'neutral', 'positive']) l, ${hours}`,
  );
  await ds.query(`ANALYZE`);
};

type Batch = { texts: string[]; departments: (string | null)[]; onTopic: (string | null)[] };

/**
 * `n` tagged posts published now: a share name a department (`naming`), a share sit in conversations the tagger
 * found an opportunity in for a department (`onTopic`, resting on one of its rules), a few name a partner.
 */
const batch = (
  n: number,
  naming: number,
  onTopic: number,
  burst?: { department: number; text: string },
): Batch => {
  const texts: string[] = [];
  const departments: (string | null)[] = [];
  const topical: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 12 + Math.floor(random() * 20) }, () =>
      random() < 0.4 ? pick(random, FILLER) : pick(random, VOCABULARY),
    );
    const named = burst
      ? DEPARTMENTS[burst.department]
      : random() < naming
        ? pick(random, DEPARTMENTS)
        : null;
    if (named) words.push(named[1]);
    if (burst) words.push(burst.text);
    if (random() < 0.01) words.push(pick(random, PARTNERS));
    texts.push(words.join(' '));
    departments.push(named ? named[0] : null);
    topical.push(!burst && random() < onTopic ? pick(random, DEPARTMENTS)[0] : null);
  }
  return { texts, departments, onTopic: topical };
};

/** Stores a batch as the ingest and tagging paths leave it: posts, their conversations, the opportunities. */
const store = async (ds: DataSource, b: Batch): Promise<void> => {
  await ds.query(
    `WITH x AS (
       SELECT t, o, n FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(t, o, n)
     ), c AS (
       INSERT INTO conversation (source_id, root_external_id, tagged_version, content_version)
       SELECT s.id, gen_random_uuid()::text, 1, 1 FROM x, source s WHERE s.key = 'forum' AND x.o IS NOT NULL
       RETURNING id
     ), numbered AS (SELECT id, row_number() OVER () AS k FROM c),
     topical AS (SELECT x.*, row_number() OVER (ORDER BY n) AS k FROM x WHERE o IS NOT NULL),
     joined AS (SELECT t.*, nb.id AS conversation_id FROM topical t JOIN numbered nb USING (k)),
     o AS (
       INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, rules)
       SELECT j.conversation_id, d.id, 50, 'public-info', 'bench', '[{"key": "rule-1", "version": 1}]'
       FROM joined j JOIN department d ON d.key = j.o
     )
     INSERT INTO post (source_id, external_id, conversation_id, platform, text, published_at, author_handle, author_followers)
     SELECT s.id, gen_random_uuid()::text, j.conversation_id, 'web', x.t, now(), 'author' || (x.n % 5000), 100
     FROM x CROSS JOIN source s LEFT JOIN joined j ON j.n = x.n WHERE s.key = 'forum'`,
    [b.texts, b.onTopic],
  );
};

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

/**
 * `npm run bench -- alerts [--rate N --seconds S --rounds R]`: (1) what judging every department's, rule's, theme's
 * and partner's detectors costs per 1,000 tagged posts over a year of hourly history, beside the roll-ups it runs
 * after; (2) the delay from the post that crosses a threshold to the alert being stored, with posts arriving at
 * the ingest benchmark's rate and the roll-ups run as tagging asks for them (at the end of each
 * ROLLUP_SOON_WINDOW_MS window). Tagging itself is not run here: its stored→tagged delay is the ingest bench's.
 */
export const runAlertsBench = async (raw: string[]): Promise<Record<string, unknown>> => {
  const args = argsOf(raw);
  // The handlers log each run; stdout is for the one JSON object.
  Logger.overrideLogger(['error', 'warn']);
  const url = await freshDatabase('parley_bench_alerts');
  const ds = await createDataSource(url, { poolSize: 4 }).initialize();
  const [, seedMs] = await timed(() => seed(ds));
  const rollup = new MentionRollupRepository();
  const sentiment = new SentimentRepository();
  const themes = new ThemeRepository();
  const alerts = new AlertDetectionRepository();
  const mentions = new RollUpMentionsHandler(ds, rollup, sentiment, themes);
  const classify = new RollUpSentimentHandler(ds, rollup, sentiment);
  const place = new RollUpThemesHandler(ds, themes);
  const evaluator = new AlertEvaluator(alerts, sentiment, englandAndWalesBankHolidays());
  const detectors = new EvaluateAlertsHandler(ds, alerts, evaluator);
  const rollUps = async () => {
    await mentions.handle();
    await classify.handle();
    await place.handle();
  };
  // Roll-ups and detectors start their watermarks at the first posts; each round then reads only its own.
  await store(ds, batch(100, 0.125, 0.25));
  await rollUps();
  await detectors.handle();

  const evaluateMs: number[] = [];
  const rollUpMs: number[] = [];
  let judged = 0;
  for (let round = 0; round < args.rounds; round++) {
    await store(ds, batch(1_000, 0.125, 0.25));
    rollUpMs.push((await timed(rollUps))[1]);
    const [outcome, ms] = await timed(() => detectors.handle());
    evaluateMs.push(ms);
    judged = Math.max(judged, outcome.detectors);
  }
  // Every detector at once, as after a restart or a change of settings: the bound on one run's cost.
  const everyScope = await alerts.allScopes(ds);
  const [full, fullMs] = await timed(() => evaluator.evaluate(ds, everyScope, new Date()));
  await ds.query(`DELETE FROM alert`);

  const delay = await measureDelay(ds, args, rollUps, () => detectors.handle());
  await ds.destroy();
  return {
    history: {
      departments: DEPARTMENTS.length,
      scopes: everyScope.length,
      hours: 8_760,
      seedMs: Math.round(seedMs),
    },
    perThousandTaggedPosts: {
      detectorsJudgedMax: judged,
      evaluateMsMedian: Math.round(percentile(evaluateMs, 50)),
      evaluateMsP95: Math.round(percentile(evaluateMs, 95)),
      rollUpsMsMedian: Math.round(percentile(rollUpMs, 50)),
    },
    everyDetector: {
      detectors: full.detectors,
      ms: Math.round(fullMs),
      alertsWritten: full.raised + full.updated,
    },
    delay,
  };
};

/**
 * Posts arrive at `rate` a second; every few seconds one department's mentions jump far over its bar. The chain the
 * queue would run (roll-ups, then the detectors) starts at the end of each window, or as soon as the last one
 * ends if it overran. Delay: from the crossing burst's commit to the commit of the detectors' run that stored it.
 */
const measureDelay = async (
  ds: DataSource,
  { rate, seconds }: Args,
  rollUps: () => Promise<void>,
  evaluate: () => Promise<unknown>,
): Promise<Record<string, unknown>> => {
  const crossings = new Map<string, number>();
  const delays = new Map<string, number>();
  const chainMs: number[] = [];
  let stored = 0;
  let running = true;
  const ingest = (async () => {
    const start = Date.now();
    for (let s = 0; s < seconds; s++) {
      // Background: the firehose, almost none of it naming a department (as in life: ~200 mentions an hour each).
      await store(ds, batch(rate, 0.0005, 0.0005));
      stored += rate;
      if (s % 8 === 4) {
        const department = crossings.size % DEPARTMENTS.length;
        await store(ds, batch(400, 0, 0, { department, text: `outage${department} outage${department}` }));
        crossings.set(DEPARTMENTS[department][0], Date.now());
      }
      const next = start + (s + 1) * 1_000;
      if (Date.now() < next) await sleep(next - Date.now());
    }
  })();
  const chain = (async () => {
    while (running || delays.size < crossings.size) {
      const next = Math.ceil(Date.now() / ROLLUP_SOON_WINDOW_MS) * ROLLUP_SOON_WINDOW_MS;
      await sleep(Math.max(0, next - Date.now()));
      const [, ms] = await timed(async () => {
        await rollUps();
        await evaluate();
      });
      chainMs.push(ms);
      const raised: { key: string }[] = await ds.query(
        `SELECT DISTINCT d.key FROM alert a JOIN department d ON d.id = a.department_id
         WHERE a.kind = 'spike' AND a.scope_type = 'department'`,
      );
      for (const { key } of raised)
        if (crossings.has(key) && !delays.has(key)) delays.set(key, Date.now() - crossings.get(key)!);
      if (!running && chainMs.length > seconds) break;
    }
  })();
  const [, ingestMs] = await timed(() => ingest);
  running = false;
  await chain;
  const values = [...delays.values()];
  return {
    postsPerSecond: Math.round(stored / (ingestMs / 1000)),
    crossings: crossings.size,
    alerted: delays.size,
    windowMs: ROLLUP_SOON_WINDOW_MS,
    crossingToStoredAlertMsP50: Math.round(percentile(values, 50)),
    crossingToStoredAlertMsP95: Math.round(percentile(values, 95)),
    chainMsP50: Math.round(percentile(chainMs, 50)),
    chainMsP95: Math.round(percentile(chainMs, 95)),
  };
};
