import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from './safe-fetch';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const MIB = 1024 * 1024;
let server: Server;
let origin = '';
let gzipBomb: Buffer = Buffer.alloc(0);

/** 50 MiB of zeros gzipped to ~50 KiB, built chunk by chunk so the test never holds the 50 MiB. */
const buildGzipBomb = (): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const parts: Buffer[] = [];
    gzip.on('data', (part: Buffer) => parts.push(part)).on('end', () => resolve(Buffer.concat(parts)));
    gzip.on('error', reject);
    const zeros = Buffer.alloc(MIB);
    for (let i = 0; i < 50; i += 1) gzip.write(zeros);
    gzip.end();
  });

/** Streams `total` bytes with backpressure, stopping when the client goes away. */
const streamBytes = (res: ServerResponse, total: number) => {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  pump();
};

const drip = (res: ServerResponse, everyMs: number) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('x');
  const timer = setInterval(() => res.write('x'), everyMs);
  res.on('close', () => clearInterval(timer));
};

const ROUTES: Record<string, Handler> = {
  '/feed': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end('<rss/>');
  },
  '/gzip': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('zipped feed')),
  '/br': (_req, res) =>
    res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('brotli feed')),
  '/bomb': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipBomb),
  '/huge': (_req, res) => streamBytes(res, 100 * MIB),
  '/drip': (_req, res) => drip(res, 1000),
  '/slow': (_req, res) => drip(res, 50),
  '/busy': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end('busy'),
  '/missing': (_req, res) => res.writeHead(404).end(),
  '/headers': (req, res) => res.writeHead(200).end(JSON.stringify(req.headers)),
};

const route: Handler = (req, res) => {
  const url = new URL(req.url ?? '/', origin);
  const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
  if (chain) {
    const left = Number(chain[1]);
    return void res.writeHead(left === 0 ? 200 : 302, { location: `/chain/${left - 1}` }).end('end of chain');
  }
  if (url.pathname === '/redirect')
    return void res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
  (ROUTES[url.pathname] ?? ROUTES['/missing'])(req, res);
};

beforeAll(async () => {
  gzipBomb = await buildGzipBomb();
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local = { allowlist: ['127.0.0.1'] };
const port = () => new URL(origin).port;
const redirectTo = (target: string) => `${origin}/redirect?to=${encodeURIComponent(target)}`;

describe('fetchUrl', () => {
  it('fetches from an allowlisted loopback address', async () => {
    const result = await fetchUrl(`${origin}/feed`, local);
    expect(result).toMatchObject({ status: 200, url: `${origin}/feed`, notModified: false });
    expect(result.body.toString()).toBe('<rss/>');
    expect(result.headers.etag).toBe('"v1"');
  });

  it('answers a conditional GET with notModified and an empty body', async () => {
    const result = await fetchUrl(`${origin}/feed`, { ...local, headers: { 'If-None-Match': '"v1"' } });
    expect(result).toMatchObject({ status: 304, notModified: true });
    expect(result.body.length).toBe(0);
  });

  it.each([
    ['gzip', '/gzip', 'zipped feed'],
    ['brotli', '/br', 'brotli feed'],
  ])('decodes a %s body', async (_name, path, expected) => {
    const result = await fetchUrl(`${origin}${path}`, local);
    expect(result.body.toString()).toBe(expected);
  });

  it('resolves a hostname and keeps only the allowlisted addresses', async () => {
    const result = await fetchUrl(`http://localhost:${port()}/feed`, local);
    expect(result.status).toBe(200);
  });

  it('follows up to five redirects and reports the final URL', async () => {
    const result = await fetchUrl(`${origin}/chain/5`, local);
    expect(result).toMatchObject({ status: 200, url: `${origin}/chain/0` });
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const headers = { authorization: 'Bearer secret', 'x-trace': 'kept' };
    const result = await fetchUrl(redirectTo(`http://localhost:${port()}/headers`), { ...local, headers });
    const received = JSON.parse(result.body.toString()) as Record<string, string>;
    expect(received).toMatchObject({ 'x-trace': 'kept', 'accept-encoding': 'gzip, deflate, br' });
    expect(received.authorization).toBeUndefined();
  });
});

describe('fetchUrl refuses', () => {
  it.each([
    [
      'a loopback address not on the allowlist',
      () => `${origin}/feed`,
      [],
      /127\.0\.0\.1 is a loopback address; add it to PARLEY_FETCH_ALLOWLIST/,
    ],
    [
      'a redirect to cloud metadata',
      () => redirectTo('http://169.254.169.254/latest/meta-data/'),
      ['127.0.0.1'],
      /link-local/,
    ],
    [
      'a redirect to IPv4-mapped loopback',
      () => redirectTo(`http://[::ffff:127.0.0.1]:${port()}/feed`),
      ['127.0.0.1'],
      /::ffff:7f00:1 is a loopback address/,
    ],
    [
      'a hostname resolving to loopback',
      () => `http://localhost:${port()}/feed`,
      [],
      /localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
    ],
    ['a private IP literal', () => 'http://10.0.0.1/feed', [], /10\.0\.0\.1 is a private address/],
    ['a file: URL', () => 'file:///etc/passwd', [], /only http and https URLs can be fetched, not file:/],
    [
      'an ftp: URL',
      () => 'ftp://ftp.example.org/feed.xml',
      [],
      /only http and https URLs can be fetched, not ftp:/,
    ],
    ['an invalid URL', () => 'not a url', [], /is not a valid URL/],
  ])('%s', async (_name, url, allowlist, message) => {
    await expect(fetchUrl(url(), { allowlist })).rejects.toMatchObject({
      code: 'fetch_refused',
      message: expect.stringMatching(message),
    });
  });
});

describe('fetchUrl fails cleanly', () => {
  it.each([
    ['more than five redirects', '/chain/6', {}, /redirected more than 5 times/],
    ['a 100 MB body', '/huge', {}, /larger than 10 MiB/],
    ['a gzip bomb', '/bomb', {}, /decompresses to more than 10 MiB/],
    ['a server that drips a byte a second', '/drip', { readTimeoutMs: 300 }, /stalled: no data for 300 ms/],
    [
      'a server slower than the total timeout',
      '/slow',
      { timeoutMs: 400 },
      /took longer than 400 ms in total/,
    ],
    ['a 404', '/missing', {}, /answered 404 Not Found; check the source URL/],
  ])('on %s', async (_name, path, options, message) => {
    const failure = fetchUrl(`${origin}${path}`, { ...local, ...options });
    await expect(failure).rejects.toMatchObject({
      code: 'fetch_failed',
      message: expect.stringMatching(message),
    });
  });

  it('keeps the Retry-After of a 503', async () => {
    await expect(fetchUrl(`${origin}/busy`, local)).rejects.toMatchObject({
      code: 'fetch_failed',
      status: 503,
      retryAfterMs: 120_000,
      message: expect.stringContaining(`GET ${origin}/busy answered 503 Service Unavailable`),
    });
  });

  it('leaves query strings out of messages', async () => {
    await expect(fetchUrl(`${origin}/missing?token=secret`, local)).rejects.toThrow(
      `GET ${origin}/missing?… answered 404`,
    );
  });
});
