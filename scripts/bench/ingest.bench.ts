import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { WebSocketServer } from 'ws';
import { stringify } from 'yaml';
import {
  FILLER,
  LONG_TAIL,
  VOCABULARY,
  freshDatabase,
  percentile,
  pick,
  prng,
  rssMb,
  sleep,
  startBuilt,
  waitForExit,
} from './bench-support';

const FEEDS = 200;
const ITEMS_PER_FEED = 500;
const FIREHOSE_POSTS = 100_000;
const RULES = 1_000;
const HOSTS = 8;
const TIMEOUT_MS = 15 * 60_000;

const random = prng(42);
const DEPARTMENTS = 10;

// Each department listens for its own topic, and a post is about one topic (now and then touching another), so a
// post concerns a department or two, as on real traffic, rather than every department at once.
const TOPICS = Array.from({ length: DEPARTMENTS }, (_, d) =>
  VOCABULARY.filter((_, i) => i % DEPARTMENTS === d),
);
const wordOf = (topic: number): string => {
  const r = random();
  if (r < 0.35) return pick(random, FILLER);
  if (r < 0.43) return pick(random, TOPICS[topic]);
  if (r < 0.44) return pick(random, pick(random, TOPICS));
  return pick(random, LONG_TAIL);
};
/** A sentence on one topic, opening with one of its words so every post concerns some department. */
const sentence = (words: number, topic = Math.floor(random() * DEPARTMENTS)) =>
  [pick(random, TOPICS[topic]), ...Array.from({ length: words - 1 }, () => wordOf(topic))].join(' ');

const rules = () =>
  TOPICS.map((topic, d) => ({
    key: `dept-${d}`,
    name: `Department ${d}`,
    rules: Array.from({ length: RULES / DEPARTMENTS }, (_, r) => ({
      key: `rule-${r}`,
      name: `Rule ${r}`,
      query: Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(random, topic)).join(' '),
    })),
  }));

const escapeXml = (text: string) => text.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`);

const feedXml = (feed: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
  `<title>Forum ${feed}</title><link>https://forum${feed}.example.org/</link>` +
  Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
    const id = `${feed}-${i}`;
    const topic = Math.floor(random() * DEPARTMENTS);
    return (
      `<item><guid isPermaLink="false">${id}</guid><title>${escapeXml(sentence(8, topic))}</title>` +
      `<link>https://forum${feed}.example.org/t/${id}</link><dc:creator>user${i % 300}</dc:creator>` +
      `<pubDate>${new Date(Date.now() - i * 60_000).toUTCString()}</pubDate>` +
      `<description>&lt;p&gt;${escapeXml(sentence(40, topic))}&lt;/p&gt;</description></item>`
    );
  }).join('') +
  `</channel></rss>`;

type Served = {
  feedServedAt: Map<number, number>;
  firstServedAt: number | null;
  /** The newest time_us of the firehose, once all of it is sent: the stream is stored when its cursor gets there. */
  firehoseLastTimeUs: number | null;
};

const startFeedServers = async (served: Served): Promise<{ servers: Server[]; urls: string[] }> => {
  const bodies = Array.from({ length: FEEDS }, (_, f) => feedXml(f));
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let h = 1; h <= HOSTS; h++) {
    const server = createServer((req, res) => {
      const feed = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
      if (!bodies[feed]) return void res.writeHead(404).end();
      const now = Date.now();
      served.firstServedAt ??= now;
      served.feedServedAt.set(feed, now);
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(bodies[feed]);
    });
    await new Promise<void>((r) => server.listen(0, `127.0.0.${h}`, r));
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  // Spread over several loopback hosts: the fetcher is polite to one host at a time, like the real web.
  const urls = Array.from(
    { length: FEEDS },
    (_, f) => `http://127.0.0.${(f % HOSTS) + 1}:${ports[f % HOSTS]}/feed/${f}.xml`,
  );
  return { servers, urls };
};

const firehoseEvent = (i: number, timeUs: number) => {
  const now = Math.floor(timeUs / 1000);
  return JSON.stringify({
    did: `did:plc:bench${i % 5000}`,
    time_us: timeUs,
    kind: 'commit',
    commit: {
      rev: `r${i}`,
      operation: 'create',
      collection: 'app.bsky.feed.post',
      rkey: `b${i}`,
      record: {
        $type: 'app.bsky.feed.post',
        text: sentence(30),
        createdAt: new Date(now).toISOString(),
        langs: ['en'],
      },
      cid: `bafy${i}`,
    },
  });
};

/** A local Jetstream that sends the whole synthetic firehose as fast as the consumer reads it. */
const startFirehose = async (served: Served): Promise<{ server: WebSocketServer; url: string }> => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', r));
  server.on('connection', (socket, request) => {
    if (new URL(request.url ?? '/', 'ws://x').searchParams.get('cursor')) return; // a resume: already sent
    served.firstServedAt ??= Date.now();
    let i = 0;
    let newest = 0;
    const pump = () => {
      while (i < FIREHOSE_POSTS && socket.bufferedAmount < 4_000_000) {
        newest = Math.max(newest, Date.now() * 1000 + (i % 1000));
        socket.send(firehoseEvent(i++, newest));
      }
      if (i < FIREHOSE_POSTS) setTimeout(pump, 5);
      else served.firehoseLastTimeUs = newest;
    };
    pump();
  });
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/subscribe` };
};

/** The same rows written with COPY into a table with the same indexes: the fastest Postgres can store them. */
const copyCeiling = async (db: Client, rows: number): Promise<number> => {
  const file = join(tmpdir(), `parley-bench-${randomBytes(4).toString('hex')}.csv`);
  const columns =
    'source_id, external_id, conversation_id, platform, url, title, text, html, language, author_handle, author_name, published_at, in_reply_to, kind';
  await db.query(`COPY (SELECT ${columns} FROM post) TO '${file}' WITH (FORMAT csv)`);
  await db.query(`CREATE TABLE post_ceiling (LIKE post INCLUDING ALL)`);
  const started = process.hrtime.bigint();
  await db.query(`COPY post_ceiling (${columns}) FROM '${file}' WITH (FORMAT csv)`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.query(`DROP TABLE post_ceiling`);
  return rows / seconds;
};

/** Waits until every stored conversation version has been tagged by the api; false on timeout. */
const waitForTagging = async (db: Client, deadline: number): Promise<boolean> => {
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversation WHERE content_version > tagged_version`,
    );
    if (rows[0].n === 0) return true;
    await sleep(250);
  }
  return false;
};

/** Per tagged conversation: from its newest post being stored to its opportunities being written. */
const taggingLatency = async (
  db: Client,
): Promise<{ conversations: number; p50Ms: number; p95Ms: number }> => {
  const { rows } = await db.query<{ n: number; p50: number | null; p95: number | null }>(
    `WITH tagged AS (
       SELECT o.conversation_id, min(o.tagged_at) AS tagged_at FROM opportunity o GROUP BY o.conversation_id
     ), latency AS (
       SELECT extract(epoch FROM t.tagged_at - max(p.fetched_at)) * 1000 AS ms
       FROM tagged t JOIN post p ON p.conversation_id = t.conversation_id GROUP BY t.conversation_id, t.tagged_at
     )
     SELECT count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95 FROM latency`,
  );
  return {
    conversations: rows[0].n,
    p50Ms: Math.round(rows[0].p50 ?? 0),
    p95Ms: Math.round(rows[0].p95 ?? 0),
  };
};

const latencies = async (db: Client, served: Served, sourceFeed: Map<string, number>): Promise<number[]> => {
  const { rows } = await db.query<{ key: string; platform: string; fetched: number; published: number }>(
    `SELECT s.key, p.platform, extract(epoch FROM p.fetched_at) * 1000 AS fetched, extract(epoch FROM p.published_at) * 1000 AS published
     FROM post p JOIN source s ON s.id = p.source_id`,
  );
  return rows.map((r) => {
    const fetchedAt =
      r.platform === 'bluesky'
        ? Number(r.published)
        : (served.feedServedAt.get(sourceFeed.get(r.key) ?? -1) ?? 0);
    return Number(r.fetched) - fetchedAt;
  });
};

/**
 * `--store-only` leaves the api (and so tagging) out, measuring fetching and storing alone; by default the api tags
 * what is stored, as in production, and the worker's tag backlog gate keeps the two in step.
 */
export const runIngestBench = async (args: string[] = []): Promise<Record<string, unknown>> => {
  const storeOnly = args.includes('--store-only');
  const databaseUrl = await freshDatabase('parley_bench_ingest');
  const served: Served = { feedServedAt: new Map(), firstServedAt: null, firehoseLastTimeUs: null };
  const feeds = await startFeedServers(served);
  const firehose = await startFirehose(served);
  const sourceFeed = new Map(feeds.urls.map((_, f) => [`feed-${f}`, f]));
  const workspaceFile = join(tmpdir(), `parley-bench-${randomBytes(4).toString('hex')}.yaml`);
  writeFileSync(
    workspaceFile,
    stringify({
      departments: rules(),
      sources: [
        ...feeds.urls.map((url, f) => ({ key: `feed-${f}`, type: 'feed', url, interval: '1h' })),
        { key: 'firehose', type: 'bluesky', url: firehose.url, interval: '1h' },
      ],
    }),
  );
  const env = {
    DATABASE_URL: databaseUrl,
    PARLEY_QUEUE_PREFIX: `parley-bench-${randomBytes(3).toString('hex')}`,
    PARLEY_FETCH_ALLOWLIST: '127.0.0.0/8',
    PARLEY_SESSION_SECRET: process.env.PARLEY_SESSION_SECRET ?? randomBytes(32).toString('hex'),
    PARLEY_SECRET_KEY: process.env.PARLEY_SECRET_KEY ?? randomBytes(32).toString('hex'),
    PARLEY_LOG_FORMAT: 'json',
    WORKER_HEALTH_PORT: '0',
    NODE_ENV: 'production',
  };
  await waitForExit(startBuilt('apps/api/src/cli.js', env, ['apply', workspaceFile]));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // The api tags what the worker stores, as in production: its tag consumer runs under the same load.
  const api = storeOnly ? null : startBuilt('apps/api/src/main.js', { ...env, PORT: '0' });
  const worker = startBuilt('apps/worker/src/main.js', env);
  const expected = FEEDS * ITEMS_PER_FEED;
  let peakRss = 0;
  let stored = 0;
  const deadline = Date.now() + TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      peakRss = Math.max(peakRss, rssMb(worker.pid as number));
      // The cursor first: whatever it covers is already stored when the count is read.
      const firehoseDone = await firehoseStored(db, served);
      stored = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM post`)).rows[0].n;
      if (stored >= expected && firehoseDone) break;
      await sleep(250);
    }
    const allTagged = api ? await waitForTagging(db, deadline) : false;
    const finishedAt = (
      await db.query<{ t: number }>(`SELECT extract(epoch FROM max(fetched_at)) * 1000 AS t FROM post`)
    ).rows[0].t;
    const seconds = (Number(finishedAt) - (served.firstServedAt ?? 0)) / 1000;
    const postsPerSecond = stored / seconds;
    const ceilingPostsPerSecond = await copyCeiling(db, stored);
    return {
      posts: stored,
      feedPosts: expected,
      firehoseEvents: FIREHOSE_POSTS,
      firehosePostsKept: stored - expected,
      rules: RULES,
      seconds: Math.round(seconds * 10) / 10,
      postsPerSecond: Math.round(postsPerSecond),
      p95LatencyMs: Math.round(percentile(await latencies(db, served, sourceFeed), 95)),
      ceilingPostsPerSecond: Math.round(ceilingPostsPerSecond),
      ratio: Math.round((postsPerSecond / ceilingPostsPerSecond) * 1000) / 1000,
      workerRssMb: Math.round(peakRss),
      tagging: api ? { allTagged, ...(await taggingLatency(db)) } : 'not run (--store-only)',
    };
  } finally {
    const children = api ? [worker, api] : [worker];
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(waitForExit));
    await db.end();
    for (const s of feeds.servers) s.close();
    firehose.server.close();
  }
};

/**
 * Firehose posts are kept only when a rule could match, so their count says nothing about the end; the stream is
 * stored once its cursor reaches the newest event sent. (Waiting for the cursor to stand still instead ended runs
 * early whenever the tag backlog gate held storing back for a moment, and under-counted what was stored.)
 */
const firehoseStored = async (db: Client, served: Served): Promise<boolean> => {
  if (served.firehoseLastTimeUs === null) return false;
  const { rows } = await db.query<{ c: string | null }>(
    `SELECT cursor AS c FROM source WHERE key = 'firehose'`,
  );
  return rows[0].c !== null && Number(rows[0].c) >= served.firehoseLastTimeUs;
};
