import { CLASSIFIER_VERSION } from '@parley/tagging';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Client } from 'pg';
import { DEPARTMENTS, FILLER, VOCABULARY, pick, prng } from './bench-support';

const HOUR_MS = 3_600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;
/** Posts per conversation: a post and its replies, minutes apart. */
export const THREAD = 5;
/** One post in this many is a department's own, on its Mastodon account, with public counters. */
const OWN_EVERY = 1_000;
const THEMES_PER_DEPARTMENT = 8;
const AUTHORS = 250_000;

/**
 * Everything about post n follows from n, in TypeScript (the COPY stream) and in SQL (the roll-ups and the log),
 * so the generated roll-ups agree with the posts: id n + 1, conversation ⌊n / THREAD⌋ + 1, the department of its
 * conversation c is c mod 10, its theme ⌊c / 50⌋ mod 8, its class n·7 mod 10 (0–2 negative, 3–6 neutral, 7–9
 * positive). In SQL `p.id - 1` is n and `c.id - 1` is c.
 */
const SQL = {
  department: (c: string) => `((${c}) % 10)`,
  theme: (c: string) => `(((${c}) / 50) % ${THEMES_PER_DEPARTMENT})`,
  label: (n: string) =>
    `(CASE WHEN (${n}) * 7 % 10 < 3 THEN 'negative' WHEN (${n}) * 7 % 10 < 7 THEN 'neutral' ELSE 'positive' END)`,
  /**
   * A conversation with an opportunity (two in five), and one the department replied to (one in five), of every
   * department alike: by ⌊c / 10⌋, as c mod 10 is the department.
   */
  tagged: (c: string) => `(((${c}) / 10) % 5 < 2)`,
  replied: (c: string) => `(((${c}) / 10) % 5 = 0)`,
};
const HOUR_OF = (at: string) => `date_bin('1 hour', ${at}, timestamptz '2000-01-01 00:00:00+00')`;

export type Plan = { posts: number; slice: number; start: number; stepMs: number };

/** A year of posts ending an hour ago, evenly spaced; the last `slice` are left for the real roll-up handlers. */
export const planOf = (posts: number, slice: number): Plan => {
  const end = Date.now() - HOUR_MS;
  return { posts, slice, start: end - YEAR_MS, stepMs: YEAR_MS / posts };
};

const isOwn = (n: number) => n % OWN_EVERY === OWN_EVERY - 1;
const escape = (text: string) => text.replace(/[\\\t\n]/g, ' ');

/** Post n as a COPY text row. */
const postRow = (plan: Plan, sourceId: string, departments: string[], n: number, random: () => number) => {
  const c = Math.floor(n / THREAD);
  const d = c % 10;
  const [, , aliases, handle] = DEPARTMENTS[d];
  const published = new Date(plan.start + n * plan.stepMs);
  const fetched = new Date(published.getTime() + 3 * 60_000);
  const words = Array.from({ length: 6 + Math.floor(random() * 10) }, () =>
    random() < 0.4 ? pick(random, FILLER) : pick(random, VOCABULARY),
  );
  const own = isOwn(n);
  const author = own ? handle : `u${(n * 7_919) % AUTHORS}`;
  const text = own ? words.join(' ') : `${aliases[0]} ${words.join(' ')}`;
  const followers = own ? 20_000 + d * 1_000 : ((n * 7_919) % AUTHORS) % 5_000;
  const counters = own ? [n % 40, n % 17, n % 9, fetched.toISOString()] : ['\\N', '\\N', '\\N', '\\N'];
  return [
    n + 1,
    sourceId,
    `p${n}`,
    c + 1,
    own || n % 2 ? 'mastodon' : 'bluesky',
    `https://social.example.org/@${author}/${n}`,
    escape(text),
    'en',
    author,
    author,
    followers,
    published.toISOString(),
    fetched.toISOString(),
    ...counters,
    own ? departments[d] : '\\N',
  ].join('\t');
};

const POST_COLUMNS =
  'id, source_id, external_id, conversation_id, platform, url, text, language, author_handle, author_name, ' +
  'author_followers, published_at, fetched_at, like_count, repost_count, reply_count, counters_at, by_department_id';

/**
 * Streams posts [from, to) into `COPY post FROM STDIN` through psql (pg has no COPY stream of its own here), with
 * backpressure, so generating and storing overlap and memory stays flat.
 */
const copyPosts = async (
  databaseUrl: string,
  plan: Plan,
  sourceId: string,
  departments: string[],
  from: number,
  to: number,
) => {
  const psql = spawn(
    'psql',
    [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `COPY post (${POST_COLUMNS}) FROM STDIN`],
    {
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const exited = once(psql, 'exit');
  const random = prng(from + 1);
  for (let n = from; n < to; n += 2_000) {
    const rows: string[] = [];
    for (let i = n; i < Math.min(to, n + 2_000); i++)
      rows.push(postRow(plan, sourceId, departments, i, random));
    if (!psql.stdin.write(rows.join('\n') + '\n')) await once(psql.stdin, 'drain');
  }
  psql.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY of posts ${from}–${to} failed (psql exited ${code})`);
};

/** Ten departments with their names, aliases and a Mastodon account, and the one source every post came from. */
export const seedWorkspace = async (db: Client): Promise<{ departments: string[]; sourceId: string }> => {
  const departments: string[] = [];
  for (const [key, name, aliases, handle] of DEPARTMENTS) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO department (key, name, aliases, response_sla_minutes) VALUES ($1, $2, $3, 240) RETURNING id`,
      [key, name, aliases],
    );
    await db.query(
      `INSERT INTO department_account (department_id, platform, handle) VALUES ($1, 'mastodon', $2)`,
      [rows[0].id, handle],
    );
    departments.push(rows[0].id);
  }
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO source (key, type, url, interval_ms) VALUES ('bench', 'feed', 'https://social.example.org/feed', 3600000) RETURNING id`,
  );
  return { departments, sourceId: rows[0].id };
};

/**
 * The conversations (INSERT…SELECT), then the posts (COPY, two streams: one per core), then the log: an
 * opportunity for two conversations in five, tagged two minutes after they started; a reply to one in five,
 * its first response between 0 and 8 hours later, with the engagement and status events the workflow writes.
 */
export const loadPostsAndLog = async (
  db: Client,
  databaseUrl: string,
  plan: Plan,
  workspace: { departments: string[]; sourceId: string },
): Promise<void> => {
  const conversations = Math.ceil(plan.posts / THREAD);
  const threadMs = plan.stepMs * THREAD;
  await db.query(
    `INSERT INTO conversation (id, source_id, root_external_id, url, post_count, participant_count, started_at,
       last_activity_at, content_version, tagged_version)
     OVERRIDING SYSTEM VALUE
     SELECT c + 1, $1, 'p' || (c * ${THREAD}), 'https://social.example.org/t/' || c, ${THREAD}, ${THREAD},
       to_timestamp(($2::float8 + c * $3::float8) / 1000), to_timestamp(($2::float8 + (c + 1) * $3::float8 - $4::float8) / 1000), 1, 1
     FROM generate_series(0, $5::int - 1) AS c`,
    [workspace.sourceId, plan.start, threadMs, plan.stepMs, conversations],
  );
  const half = Math.floor(plan.posts / 2);
  await Promise.all([
    copyPosts(databaseUrl, plan, workspace.sourceId, workspace.departments, 0, half),
    copyPosts(databaseUrl, plan, workspace.sourceId, workspace.departments, half, plan.posts),
  ]);
  for (const table of ['post', 'conversation']) {
    await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await db.query(
    `CREATE TEMP TABLE bench_department AS SELECT * FROM unnest($1::uuid[]) WITH ORDINALITY AS d(id, i)`,
    [workspace.departments],
  );
  const department = (c: string) => `(SELECT id FROM bench_department WHERE i = ${SQL.department(c)} + 1)`;
  await db.query(
    `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason, status, decline_reason, first_response_at,
       first_response_seconds, tagged_at, created_at, updated_at, signals_at, first_public_post_at)
     SELECT c.id, ${department('c.id - 1')}, (c.id - 1) % 100, (ARRAY['public-info', 'pointer', 'clearance', 'press-office'])[c.id % 4 + 1],
       'matched a rule', CASE WHEN r THEN 'responded' WHEN c.id % 7 = 0 THEN 'declined' ELSE 'new' END,
       CASE WHEN NOT r AND c.id % 7 = 0 THEN (ARRAY['out-of-remit', 'already-answered', 'duplicate'])[c.id % 3 + 1] END,
       CASE WHEN r THEN c.started_at + ((c.id * 37) % 480) * interval '1 minute' END,
       CASE WHEN r THEN ((c.id * 37) % 480) * 60 END,
       c.started_at + interval '2 minutes', c.started_at + interval '2 minutes', c.started_at + interval '2 minutes',
       c.started_at + interval '2 minutes', c.started_at
     FROM conversation c, LATERAL (SELECT ${SQL.replied('c.id - 1')} AS r) x WHERE ${SQL.tagged('c.id - 1')}`,
  );
  await db.query(
    `INSERT INTO engagement (conversation_id, department_id, kind, mode, occurred_at, opportunity_id, platform, route, publish_state)
     SELECT conversation_id, department_id, 'reply', CASE WHEN score % 2 = 0 THEN 'collaborate' ELSE 'receive' END,
       first_response_at, id, 'mastodon', route, 'published'
     FROM opportunity WHERE first_response_at IS NOT NULL`,
  );
  await db.query(
    `INSERT INTO opportunity_event (opportunity_id, department_id, at, kind, from_status, to_status, detail)
     SELECT id, department_id, coalesce(first_response_at, created_at + interval '1 hour'),
       CASE status WHEN 'declined' THEN 'declined' ELSE 'engagement' END, 'new', status,
       CASE status WHEN 'declined' THEN jsonb_build_object('reason', decline_reason) ELSE '{}' END
     FROM opportunity WHERE status <> 'new'`,
  );
};

/**
 * The roll-ups of every post before the slice, generated from what the generator knows (the department a post names,
 * its class, its theme) by the rules of the roll-up repositories: mention_post/hour and the author years, post and
 * hourly sentiment, themes with their post placements, hours and days. Watermarks then stand at the slice, so the
 * real handlers roll up the rest.
 */
export const generateRollUps = async (db: Client, plan: Plan): Promise<void> => {
  const cut = plan.posts - plan.slice; // posts with id <= cut are rolled up here
  const department = (c: string) => `(SELECT id FROM bench_department WHERE i = ${SQL.department(c)} + 1)`;
  await db.query(`SET jit = off`);
  await db.query(
    `INSERT INTO mention_post (department_id, post_id, hour, published_at, source_id, platform, author, followers, excluded)
     SELECT ${department(`(p.id - 1) / ${THREAD}`)}, p.id, ${HOUR_OF('p.published_at')}, p.published_at, p.source_id,
       p.platform, lower(p.author_handle), p.author_followers, false
     FROM post p WHERE p.id <= $1 AND p.by_department_id IS NULL`,
    [cut],
  );
  await db.query(
    `INSERT INTO mention_hour (department_id, hour, source_id, platform, mentions, excluded)
     SELECT department_id, hour, source_id, platform, count(*), 0 FROM mention_post GROUP BY 1, 2, 3, 4`,
  );
  await db.query(
    `INSERT INTO mention_author_year (department_id, year, platform, author, followers, days)
     SELECT department_id, extract(year FROM hour AT TIME ZONE 'UTC')::int, platform, author, max(coalesce(followers, 0)),
       bit_or(set_bit(repeat('0', 366)::bit(366), extract(doy FROM hour AT TIME ZONE 'UTC')::int - 1, 1))
     FROM mention_post GROUP BY 1, 2, 3, 4`,
  );
  await db.query(
    `INSERT INTO post_sentiment (post_id, label, score, classifier_version)
     SELECT id, ${SQL.label('id - 1')}, ((id * 7 % 10) - 4.5) / 5, $2 FROM post WHERE id <= $1`,
    [cut, CLASSIFIER_VERSION],
  );
  await db.query(
    `INSERT INTO sentiment_hour (department_id, hour, label, posts, excluded)
     SELECT m.department_id, m.hour, s.label, count(*), 0
     FROM mention_post m JOIN post_sentiment s ON s.post_id = m.post_id GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO theme (id, department_id, key, label, keyphrases, excerpt, excerpt_url)
     SELECT gen_random_uuid(), d.id, 'theme-' || t, w.words[1] || ' ' || w.words[2], to_jsonb(w.words),
       'People asked about ' || w.words[1] || ' and ' || w.words[2] || '.', 'https://social.example.org/t/' || t
     FROM bench_department d, generate_series(0, ${THEMES_PER_DEPARTMENT - 1}) AS t,
       LATERAL (SELECT ($1::text[])[k + 1:k + 3] AS words FROM (SELECT (d.i - 1) * 8 + t AS k) k) w`,
    [VOCABULARY],
  );
  await db.query(
    `CREATE TEMP TABLE bench_theme AS
     SELECT t.id, d.i - 1 AS department, substr(t.key, 7)::int AS theme FROM theme t JOIN bench_department d ON d.id = t.department_id`,
  );
  await db.query(
    `INSERT INTO post_theme (post_id, department_id, theme_id, hour)
     SELECT p.id, ${department('c')}, (SELECT id FROM bench_theme WHERE department = ${SQL.department('c')} AND theme = ${SQL.theme('c')}),
       ${HOUR_OF('p.published_at')}
     FROM post p, LATERAL (SELECT (p.id - 1) / ${THREAD} AS c) x
     WHERE p.id <= $1 AND p.by_department_id IS NULL AND ${SQL.tagged('c')}`,
    [cut],
  );
  await db.query(
    `INSERT INTO theme_hour (department_id, hour, theme_id, mentions)
     SELECT department_id, hour, theme_id, count(*) FROM post_theme GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO on_topic_hour (department_id, hour, mentions) SELECT department_id, hour, count(*) FROM post_theme GROUP BY 1, 2`,
  );
  await db.query(
    `INSERT INTO theme_day (department_id, day, theme_id, mentions)
     SELECT department_id, date_bin('1 day', hour, timestamptz '2000-01-01 00:00:00+00'), theme_id, sum(mentions)
     FROM theme_hour GROUP BY 1, 2, 3`,
  );
  await db.query(
    `INSERT INTO on_topic_day (department_id, day, mentions)
     SELECT department_id, date_bin('1 day', hour, timestamptz '2000-01-01 00:00:00+00'), sum(mentions)
     FROM on_topic_hour GROUP BY 1, 2`,
  );
  // The slice starts where the roll-ups stop: its first post's fetch time (and its conversation's tagging time).
  const { rows } = await db.query<{ fetched: Date; tagged: Date }>(
    `SELECT p.fetched_at AS fetched, c.started_at + interval '2 minutes' AS tagged
     FROM post p JOIN conversation c ON c.id = p.conversation_id WHERE p.id = $1`,
    [cut + 1],
  );
  await db.query(
    `INSERT INTO rollup_watermark (name, counted_to) VALUES ('mentions', $1), ('sentiment', $1), ('themes', $2)
     ON CONFLICT (name) DO UPDATE SET counted_to = excluded.counted_to`,
    [rows[0].fetched, rows[0].tagged],
  );
};
