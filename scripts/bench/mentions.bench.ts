import { createDataSource, inTransaction, MentionRollupRepository } from '@parley/db';
import { DEPARTMENTS, FILLER, VOCABULARY, freshDatabase, pick, prng } from './bench-support';

const random = prng(11);
const HOUR = 3_600_000;

const post = (): string => {
  const words = Array.from({ length: 12 + Math.floor(random() * 30) }, () =>
    random() < 0.4 ? pick(random, FILLER) : pick(random, VOCABULARY),
  );
  // About one post in eight names a department, in one of the ways people do.
  if (random() < 0.125) {
    const [, name, aliases, handle] = pick(random, DEPARTMENTS);
    const named = pick(random, [name, ...aliases, `@${handle}`]);
    words.splice(Math.floor(random() * words.length), 0, named);
  }
  return words.join(' ');
};

/** The other way: match names in TypeScript when a post is stored (tokens, then phrases by their first token). */
const tokens = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const phraseIndex = () => {
  const index = new Map<string, { key: string; phrase: string[] }[]>();
  for (const [key, name, aliases, handle] of DEPARTMENTS) {
    for (const term of [name, ...aliases, handle]) {
      const phrase = tokens(term);
      const [first = ''] = phrase;
      index.set(first, [...(index.get(first) ?? []), { key, phrase }]);
    }
  }
  return index;
};
const namedIn = (index: ReturnType<typeof phraseIndex>, text: string): Set<string> => {
  const words = tokens(text);
  const found = new Set<string>();
  words.forEach((word, i) => {
    for (const { key, phrase } of index.get(word) ?? []) {
      if (phrase.every((p, j) => words[i + j] === p)) found.add(key);
    }
  });
  return found;
};

const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

/** `npm run bench -- mentions [--posts N]`: the hourly mentions roll-up in Postgres, and matching in TypeScript. */
export const runMentionsBench = async (args: string[]): Promise<Record<string, unknown>> => {
  const flag = args.indexOf('--posts');
  const posts = flag >= 0 ? Number(args[flag + 1]) : 5_000;
  const url = await freshDatabase('parley_bench_mentions');
  const dataSource = await createDataSource(url, { poolSize: 2 }).initialize();
  const rollup = new MentionRollupRepository();
  for (const [key, name, aliases, handle] of DEPARTMENTS) {
    await dataSource.query(
      `WITH d AS (INSERT INTO department (key, name, aliases) VALUES ($1, $2, $3) RETURNING id)
       INSERT INTO department_account (department_id, platform, handle) SELECT id, 'web', $4 FROM d`,
      [key, name, aliases, handle],
    );
  }
  const [{ id: sourceId }] = await dataSource.query(
    `INSERT INTO source (key, type, url, interval_ms) VALUES ('feed', 'feed', 'https://example.org/feed', 3600000) RETURNING id`,
  );
  // A month of posts, fetched a few minutes after they were published.
  const now = Date.now();
  const texts = Array.from({ length: posts }, post);
  const published = texts.map(() => new Date(now - HOUR - Math.floor(random() * 30 * 24 * HOUR)));
  for (let i = 0; i < posts; i += 5_000) {
    await dataSource.query(
      `INSERT INTO post (source_id, external_id, platform, text, published_at, fetched_at)
       SELECT $1, 'p' || n, 'web', t, p, p + interval '3 minutes'
       FROM unnest($2::text[], $3::timestamptz[]) WITH ORDINALITY AS x(t, p, n0), LATERAL (SELECT n0 + $4 AS n) k`,
      [sourceId, texts.slice(i, i + 5_000), published.slice(i, i + 5_000), i],
    );
  }
  await dataSource.query(`ANALYZE post`);

  const hours = await rollup.hoursFetchedIn(dataSource, new Date(0), new Date(now + HOUR));
  const [buckets, fullMs] = await timed(() =>
    inTransaction(dataSource, (tx) => rollup.recountHours(tx, hours)),
  );
  // A typical 5-minute run: the hours that the last ~5 minutes of ingest (at this rate) were published in.
  const recent = hours.slice(-3);
  const [, incrementalMs] = await timed(() =>
    inTransaction(dataSource, (tx) => rollup.recountHours(tx, recent)),
  );
  const postsInRecent = Number(
    (await dataSource.query(`SELECT count(*) FROM post WHERE published_at >= $1`, [recent[0]]))[0].count,
  );
  const byPostgres: { key: string; mentions: number }[] = await dataSource.query(
    `SELECT d.key, sum(m.mentions)::int AS mentions FROM mention_hour m JOIN department d ON d.id = m.department_id GROUP BY d.key`,
  );

  const index = phraseIndex();
  const [byTypescript, typescriptMs] = await timed(() => {
    const counts: Record<string, number> = {};
    for (const text of texts) for (const key of namedIn(index, text)) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  });
  await dataSource.destroy();
  return {
    posts,
    hours: hours.length,
    buckets,
    postgres: {
      fullRecountMs: Math.round(fullMs),
      msPer1000Posts: Number(((fullMs / posts) * 1000).toFixed(1)),
      threeHourRecountMs: Math.round(incrementalMs),
      postsInThreeHours: postsInRecent,
    },
    typescript: { msPer1000Posts: Number(((typescriptMs / posts) * 1000).toFixed(2)) },
    mentions: Object.fromEntries(
      DEPARTMENTS.map(([key]) => [
        key,
        {
          postgres: byPostgres.find((r) => r.key === key)?.mentions ?? 0,
          typescript: byTypescript[key] ?? 0,
        },
      ]),
    ),
  };
};
