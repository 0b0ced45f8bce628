import { RuleMatcher, compileToSql, parseQuery, type MatchableDocument } from '@parley/tagging';
import { Client } from 'pg';
import { PREVIEW_FIRST_PARAMETER, PreviewRepository, createDataSource } from '@parley/db';
import { randomUUID } from 'node:crypto';
import { FILLER, LONG_TAIL, VOCABULARY, freshDatabase, percentile, pick, prng } from './bench-support';

const RULES = 10_000;
const POSTS = 100_000;
const SITES = ['www.gov.uk', 'forum.example.org', 'news.example.com', 'blog.example.net'];
const random = prng(7);

// Real posts draw on a long-tailed vocabulary (Zipf's law) and real rules name topic words of middling frequency,
// so a post is a candidate for a few rules, not hundreds. Syllable-built words stand in for the long tail.
const LEXICON = LONG_TAIL.map((w, rank) =>
  rank >= 50 && rank % 7 === 0 && VOCABULARY[(rank - 50) / 7] ? VOCABULARY[(rank - 50) / 7] : w,
);
const ZIPF = (() => {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= LEXICON.length; rank++) cumulative.push((total += 1 / rank ** 1.05));
  return cumulative.map((c) => c / total);
})();
const zipfWord = (): string => {
  const r = random();
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return LEXICON[lo];
};
const word = () => LEXICON[50 + Math.floor(random() * 5_000)];

/** Standing rules of the shapes comms teams write: terms, phrases, OR groups, exclusions, prefixes, proximity, fields. */
const ruleQuery = (): string => {
  const shape = random();
  if (shape < 0.3) return `${word()} ${word()}`;
  if (shape < 0.45) return `"${word()} ${word()}"`;
  if (shape < 0.6) return `(${word()} OR ${word()} OR ${word()}) ${word()}`;
  if (shape < 0.7) return `${word()} ${word()} -${word()}`;
  if (shape < 0.8) return `${word().slice(0, 4)}* ${word()}`;
  if (shape < 0.87) return `${word()} NEAR/5 ${word()}`;
  if (shape < 0.92) return `#${word()} OR ${word()} ONEAR/3 ${word()}`;
  return `site:${pick(random, SITES)} ${word()}`;
};

const text = (words: number) =>
  Array.from({ length: words }, () =>
    random() < 0.35 ? pick(random, FILLER) : random() < 0.02 ? `#${zipfWord()}` : zipfWord(),
  ).join(' ');

const posts = (): Required<Pick<MatchableDocument, 'title' | 'text' | 'url' | 'platform' | 'language'>>[] =>
  Array.from({ length: POSTS }, (_, i) => ({
    title: text(8),
    text: text(40),
    url: `https://${pick(random, SITES)}/t/${i}`,
    platform: 'web',
    language: 'en',
  }));

const matcherRate = (
  matcher: RuleMatcher,
  docs: MatchableDocument[],
): { perSecond: number; matches: number } => {
  let matches = 0;
  const started = process.hrtime.bigint();
  for (const doc of docs) matches += matcher.match(doc).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { perSecond: docs.length / seconds, matches };
};

const loadPosts = async (db: Client, docs: ReturnType<typeof posts>): Promise<void> => {
  const source = (
    await db.query<{ id: string }>(
      `INSERT INTO source (key, type, url, interval_ms) VALUES ('bench', 'feed', 'https://bench.example.org/feed', 3600000) RETURNING id`,
    )
  ).rows[0].id;
  for (let i = 0; i < docs.length; i += 5_000) {
    const batch = docs.slice(i, i + 5_000);
    // Each post its own conversation, published over the last 30 days: the window a rule preview searches.
    await db.query(
      `WITH r AS (
         SELECT n + $2 AS n, u, t, x, now() - ((n + $2) % 43200) * interval '1 minute' AS at
         FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(u, t, x, n)
       ), c AS (
         INSERT INTO conversation (source_id, root_external_id, title, url, post_count, started_at, last_activity_at)
         SELECT $1, 'p' || n, t, u, 1, at, at FROM r RETURNING id, root_external_id
       )
       INSERT INTO post (source_id, external_id, conversation_id, platform, url, title, text, language, published_at)
       SELECT $1, 'p' || r.n, c.id, 'web', r.u, r.t, r.x, 'en', r.at FROM r JOIN c ON c.root_external_id = 'p' || r.n`,
      [source, i, batch.map((d) => d.url), batch.map((d) => d.title), batch.map((d) => d.text)],
    );
  }
  await db.query('ANALYZE post');
  await db.query('ANALYZE conversation');
};

const PREVIEWED_RULES = 200;

/** `POST /api/rules/preview`'s two queries (count and sample over the last 30 days) for some of the rules. */
const previewTimes = async (databaseUrl: string, queries: string[]): Promise<Record<string, number>> => {
  const dataSource = await createDataSource(databaseUrl, { poolSize: 1 }).initialize();
  const previews = new PreviewRepository();
  const window = { departmentId: randomUUID(), from: new Date(Date.now() - 30 * 86_400_000), to: new Date() };
  const times: number[] = [];
  try {
    for (const query of queries.slice(0, PREVIEWED_RULES)) {
      const condition = compileToSql(parseQuery(query), { firstParameter: PREVIEW_FIRST_PARAMETER });
      const started = process.hrtime.bigint();
      await previews.countConversations(dataSource, window, condition);
      await previews.sample(dataSource, window, condition, 10);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await dataSource.destroy();
  }
  return {
    rules: times.length,
    p50Ms: Math.round(percentile(times, 50)),
    p95Ms: Math.round(percentile(times, 95)),
    maxMs: Math.round(Math.max(...times)),
  };
};

/** The same rules as compiled full-text queries, each run against the stored posts (GIN index), as a percolator in SQL would. */
const postgresRate = async (
  db: Client,
  queries: string[],
  postCount: number,
): Promise<{ perSecond: number; matches: number; rulesRun: number; seconds: number }> => {
  let matches = 0;
  const started = process.hrtime.bigint();
  for (const query of queries) {
    const condition = compileToSql(parseQuery(query));
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM post p JOIN source s ON s.id = p.source_id WHERE ${condition.sql}`,
      condition.params,
    );
    matches += rows[0].n;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Matching every post against every rule took `seconds`; the rate is posts checked against all rules per second.
  return { perSecond: postCount / seconds, matches, rulesRun: queries.length, seconds };
};

export const runTaggingBench = async (): Promise<Record<string, unknown>> => {
  const queries = Array.from({ length: RULES }, ruleQuery);
  const matcher = new RuleMatcher(
    queries.map((query, i) => ({
      id: `r${i}`,
      key: `r${i}`,
      version: 1,
      query,
      departmentId: `d${i % 20}`,
      department: `d${i % 20}`,
    })),
  );
  const docs = posts();
  matcherRate(matcher, docs.slice(0, 2_000)); // warm the JIT before measuring
  const inProcess = matcherRate(matcher, docs);
  const databaseUrl = await freshDatabase('parley_bench_tagging');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await loadPosts(db, docs);
    const postgres = await postgresRate(db, queries, docs.length);
    const preview = await previewTimes(databaseUrl, queries);
    return {
      rules: RULES,
      rulesCompiled: matcher.size,
      posts: POSTS,
      matcherPostsPerSecond: Math.round(inProcess.perSecond),
      postgresPostsPerSecond: Math.round(postgres.perSecond * 10) / 10,
      postgresSeconds: Math.round(postgres.seconds * 10) / 10,
      ratio: Math.round(inProcess.perSecond / postgres.perSecond),
      matchesInProcess: inProcess.matches,
      matchesInPostgres: postgres.matches,
      agree: inProcess.matches === postgres.matches,
      preview,
    };
  } finally {
    await db.end();
  }
};
