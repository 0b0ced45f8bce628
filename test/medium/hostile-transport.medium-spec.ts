import type { SourceWithHealth } from '@parley/contracts';
import { JobProducer } from '@parley/jobs';
import { eventually, rssFeed, startFixtureServer, type FeedItem } from '@parley/testing';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../apps/worker/src/health-server';
import { startParley, type Parley } from './harness';

const MIB = 1024 * 1024;
// 64 MiB of spaces gzip to about 64 KiB: small on the wire, past the 10 MiB limit once inflated.
const GZIP_BOMB = gzipSync(Buffer.alloc(64 * MIB, ' '));
const ITEM = `<item><guid>i1</guid><title>An ordinary post</title><description>Hello</description></item>`;
const feedWith = (prolog: string, body = ITEM) =>
  `${prolog}<rss version="2.0"><channel><title>x</title>${body}</channel></rss>`;

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;

/** A server on its own loopback address: a host of its own, so the per-host politeness gate keeps it apart. */
type Hostile = { url: string; sockets: Set<Socket>; server: Server };

const startHostile = async (address: string, handler: RequestListener): Promise<Hostile> => {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, address, done));
  return { url: `http://${address}:${(server.address() as AddressInfo).port}/feed`, sockets, server };
};

// A trickle that never ends: one byte a second keeps the socket from ever going quiet.
const slowloris: RequestListener = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const timer = setInterval(() => res.write(' '), 1_000);
  req.socket.once('close', () => clearInterval(timer));
};

const streamed =
  (size: number): RequestListener =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    let sent = 0;
    const more = () => {
      while (sent < size && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    more();
  };

type Case = {
  name: string;
  handler: RequestListener;
  /** What the source's recorded error must say, so a person knows what happened. */
  error: RegExp;
  /** A fetch that partly worked may say so as a warning rather than an error. */
  partial?: boolean;
};

const CASES: Case[] = [
  { name: 'slowloris', handler: slowloris, error: /took longer than 20 s in total/ },
  {
    name: 'never-closing',
    handler: (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).flushHeaders(),
    error: /stalled: no data for 10 s/,
  },
  { name: 'never-answering', handler: () => undefined, error: /stalled: no data for 10 s/ },
  {
    name: 'gzip-bomb',
    handler: (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
        .end(GZIP_BOMB),
    error: /decompresses to more than 10 MiB/,
  },
  { name: 'huge-body', handler: streamed(11 * MIB), error: /sent a body larger than 10 MiB/ },
  {
    name: 'huge-declared-body',
    handler: (_req, res) => res.writeHead(200, { 'content-length': String(50 * MIB) }).end(),
    error: /sent a body larger than 10 MiB/,
  },
  {
    name: 'redirect-loop',
    handler: (_req, res) => res.writeHead(302, { location: '/feed' }).end(),
    error: /redirected more than 5 times/,
  },
  {
    name: 'redirect-to-metadata',
    handler: (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    error: /169\.254\.169\.254 is .*add it to PARLEY_FETCH_ALLOWLIST/,
  },
  {
    name: 'redirect-to-private',
    handler: (_req, res) => res.writeHead(301, { location: 'http://10.0.0.1/feed' }).end(),
    error: /10\.0\.0\.1 is .*add it to PARLEY_FETCH_ALLOWLIST/,
  },
  {
    name: 'redirect-to-file',
    handler: (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    error: /only http and https URLs can be fetched, not file:/,
  },
  {
    name: 'billion-laughs',
    handler: (_req, res) => res.writeHead(200).end(feedWith(LAUGHS, '<item><title>&lol9;</title></item>')),
    error: /declares XML entities/,
  },
  {
    name: 'external-entity',
    handler: (_req, res) => res.writeHead(200).end(feedWith(XXE, '<item><title>&xxe;</title></item>')),
    error: /declares XML entities/,
  },
  {
    name: 'doctype-behind-comment',
    handler: (_req, res) =>
      res
        .writeHead(200)
        .end(feedWith(`<?xml version="1.0"?><!-- <x> -->${LAUGHS}`, '<item><title>&lol9;</title></item>')),
    error: /declares XML entities/,
  },
  {
    // A blog whose own feed is fine, but whose comment feed is a bomb.
    name: 'comment-feed-bomb',
    handler: (req, res) => {
      if (req.url === '/comments')
        return void res.writeHead(200, { 'content-encoding': 'gzip' }).end(GZIP_BOMB);
      res.writeHead(200).end(
        `<rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Blog</title>
<item><guid>p1</guid><title>A post</title><description>Hello</description><wfw:commentRss>/comments</wfw:commentRss></item></channel></rss>`,
      );
    },
    error: /comments of .*decompresses to more than 10 MiB/,
    partial: true,
  },
  {
    name: 'malformed',
    handler: (_req, res) =>
      res.writeHead(200).end('<rss version="2.0"><channel><title>bad<item><guid>m1</title></channel>'),
    error: /not well-formed XML: .*nothing could be read/,
  },
];

const ordinary: FeedItem[] = [{ guid: 'ok-1', title: 'Ordinary post', description: 'All is well' }];

describe('hostile feeds: each one records its error, and harms nothing else', () => {
  let parley: Parley;
  let normal: Awaited<ReturnType<typeof startFixtureServer>>;
  const hostile = new Map<string, Hostile>();
  let health: Server;
  let healthUrl: string;
  // Whether the normal feed was fetched while the slowloris held a connection open.
  const normalFetchesDuringSlowloris: boolean[] = [];
  let items = ordinary;

  beforeAll(async () => {
    normal = await startFixtureServer({
      '/feed.xml': (_req, res) => {
        normalFetchesDuringSlowloris.push((hostile.get('slowloris')?.sockets.size ?? 0) > 0);
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Normal', items));
      },
    });
    for (const [index, c] of CASES.entries())
      hostile.set(c.name, await startHostile(`127.0.0.${index + 2}`, c.handler));
    // Every loopback address, so each hostile server is its own host; private and link-local stay refused.
    parley = await startParley({ PARLEY_FETCH_ALLOWLIST: '127.0.0.0/8' });
    health = await startHealthServer(parley.worker, 0);
    healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        { key: 'dept', name: 'A department', rules: [{ key: 'r', name: 'A rule', query: 'post' }] },
      ],
      sources: [
        { key: 'normal', type: 'feed', url: normal.url('/feed.xml'), interval: '1h' },
        ...CASES.map((c) => ({
          key: c.name,
          type: 'feed',
          url: hostile.get(c.name)?.url,
          interval: '1h',
        })),
      ],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    health?.close();
    for (const { server } of hostile.values()) {
      server.closeAllConnections();
      server.close();
    }
    await normal?.close();
  });

  const sources = async () => (await parley.admin.get<SourceWithHealth[]>('/api/sources')).body;
  const healthOf = async (key: string) => (await sources()).find((s) => s.key === key)?.health;

  for (const c of CASES) {
    it(`${c.name}: the source records a readable error`, async () => {
      // Once the first fetch has ended either way, its outcome is on the source.
      const recorded = await eventually(async () => {
        const found = await healthOf(c.name);
        return found?.lastFetchAt ? found : undefined;
      }, 50_000);
      if (c.partial) expect(recorded.lastError ?? recorded.lastWarning ?? '').toMatch(c.error);
      else expect(recorded).toMatchObject({ lastError: expect.stringMatching(c.error) });
    });
  }

  it('answers health and ingests a normal source while a slowloris holds its connection', async () => {
    const slow = hostile.get('slowloris') as Hostile;
    const sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'normal'`)).rows[0]
      .id as string;
    items = [...ordinary, { guid: 'ok-2', title: 'Fresh post', description: 'Still listening' }];
    let asked = 0;
    await eventually(
      async () => {
        const { rows } = await parley.db.query(
          `SELECT 1 FROM post p JOIN source s ON s.id = p.source_id WHERE s.key = 'normal' AND p.external_id = 'ok-2'`,
        );
        if (rows.length > 0 && normalFetchesDuringSlowloris.at(-1)) return true;
        // Ask for a fetch each time the slowloris is mid-trickle, until one lands inside its window.
        if (slow.sockets.size > 0) {
          const response = await fetch(healthUrl);
          expect(response.status).toBe(200);
          await parley.worker.get(JobProducer).fetchNow(sourceId, `during-slowloris-${(asked += 1)}`);
        }
        return false;
      },
      120_000,
      1_000,
    );
    expect((await healthOf('normal'))?.lastError).toBeNull();
  });

  it('keeps the worker answering health after every hostile fetch', async () => {
    const response = await fetch(healthUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
