import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from './connector';
import { createRedditConnector, redditListingUrl } from './reddit.connector';
import { fixture } from './test-support/fixtures';
import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from './test-support/local-http-server';

const ctx = { allowlist: ['127.0.0.1'] };
const BASIC = `Basic ${Buffer.from('parley-app:s3cret').toString('base64')}`;

let tokensIssued = 0;
// Tokens the server treats as revoked, to exercise renewal.
const revoked = new Set<string>();

const tokenReply = (request: SeenRequest): Reply => {
  if (request.headers.authorization !== BASIC)
    return { status: 401, json: { message: 'Unauthorized', error: 401 } };
  tokensIssued += 1;
  return {
    json: { access_token: `tok-${tokensIssued}`, token_type: 'bearer', expires_in: 86400, scope: '*' },
  };
};

const LISTINGS: Record<string, string> = {
  '/r/ukgov/new.json': 'reddit/new-first.json',
  '/r/later/new.json': 'reddit/new-after-0.json',
  '/r/later/new.json?after=t3_1j4d0b': 'reddit/new-after-1.json',
};

const answer = (request: SeenRequest): Reply | null => {
  if (request.url.pathname === '/api/v1/access_token' && request.method === 'POST')
    return tokenReply(request);
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  if (!token.startsWith('tok-') || revoked.has(token))
    return { status: 401, json: { message: 'Unauthorized', error: 401 } };
  const after = request.url.searchParams.get('after');
  const file = LISTINGS[`${request.url.pathname}${after ? `?after=${after}` : ''}`];
  return file ? { json: fixture(file) } : null;
};

let server: LocalServer;
const source = (sub: string, cursor: string | null, config: Record<string, unknown> = {}): SourceState => ({
  url: `${server.origin}/r/${sub}`,
  cursor,
  config: {
    clientId: 'parley-app',
    clientSecret: 's3cret',
    tokenUrl: `${server.origin}/api/v1/access_token`,
    ...config,
  },
});
const since = (count: number) => server.requests.slice(count);

beforeAll(async () => {
  server = await startLocalServer(answer);
});
afterAll(() => server.close());

describe('redditListingUrl', () => {
  it.each([
    [
      'https://www.reddit.com/r/unitedkingdom',
      null,
      'https://oauth.reddit.com/r/unitedkingdom/new.json?limit=100&raw_json=1',
    ],
    [
      'https://old.reddit.com/r/brighton/new/',
      't3_abc',
      'https://oauth.reddit.com/r/brighton/new.json?limit=100&raw_json=1&after=t3_abc',
    ],
    ['http://127.0.0.1:9/r/ukgov', null, 'http://127.0.0.1:9/r/ukgov/new.json?limit=100&raw_json=1'],
  ])('reads %s', (url, after, expected) => {
    expect(redditListingUrl(url, after)).toBe(expected);
  });

  it('refuses a URL without a subreddit', () => {
    expect(() => redditListingUrl('https://www.reddit.com/user/someone', null)).toThrow(
      /does not name a subreddit/,
    );
  });
});

describe('redditConnector', () => {
  it('says the source needs credentials when they are missing', async () => {
    const result = createRedditConnector().poll(
      { url: 'https://www.reddit.com/r/ukgov', config: {}, cursor: null },
      ctx,
    );
    await expect(result).rejects.toMatchObject({
      code: 'invalid',
      message: 'this Reddit source needs credentials: set clientId and clientSecret in its config',
    });
  });

  it('gets an app token, then reads the newest posts with it', async () => {
    const before = server.requests.length;
    const result = await createRedditConnector().poll(source('ukgov', null), ctx);
    const [token, listing] = since(before);
    expect(token).toMatchObject({
      method: 'POST',
      body: 'grant_type=client_credentials',
      headers: { authorization: BASIC },
    });
    expect(token.headers['user-agent']).toMatch(/parley/);
    expect(listing.headers.authorization).toMatch(/^Bearer tok-\d+$/);
    expect(listing.url.searchParams.get('limit')).toBe('100');
    expect(result.posts.map((post) => post.externalId)).toEqual(['t3_1j3c9x', 't3_1j3b2k', 't3_1j3a7q']);
    expect(result.posts[0]).toMatchObject({
      url: 'https://www.reddit.com/r/ukgov/comments/1j3c9x/council_tax_rise_approved/',
      title: 'Council tax rise approved',
      author: {
        name: 'brightonresident',
        handle: 'brightonresident',
        profileUrl: 'https://www.reddit.com/user/brightonresident',
      },
      html: '<p>The council voted last night.</p>\n\n<p>Anyone know what it means for <strong>band D</strong>?</p>',
      text: 'The council voted last night. Anyone know what it means for band D?',
      inReplyTo: null,
      platform: 'reddit',
    });
    expect(result.posts[0].publishedAt?.toISOString()).toBe('2026-03-05T12:00:00.000Z');
    expect(result.posts[1]).toMatchObject({ text: '', html: null });
    expect(result.posts[2].author).toEqual({ name: null, handle: null, profileUrl: null });
    expect(result.counters[0]).toEqual({ externalId: 't3_1j3c9x', likes: 57, replies: 23 });
    expect(result.cursor).toBe('1772712000');
  });

  it('reuses its token across polls', async () => {
    const connector = createRedditConnector();
    await connector.poll(source('ukgov', null), ctx);
    const before = server.requests.length;
    await connector.poll(source('ukgov', null), ctx);
    expect(since(before).map((request) => request.method)).toEqual(['GET']);
  });

  it('reads back page by page until it passes the cursor', async () => {
    const before = server.requests.length;
    const result = await createRedditConnector().poll(source('later', '1772712000'), ctx);
    expect(since(before).map((request) => request.url.searchParams.get('after'))).toEqual([
      null,
      null,
      't3_1j4d0b',
    ]);
    expect(result.posts.map((post) => post.externalId)).toEqual([
      't3_1j4e1a',
      't3_1j4d0b',
      't3_1j4c9c',
      't3_1j3c9x',
    ]);
    expect(result.cursor).toBe('1772790000');
  });

  it('explains credentials Reddit refuses', async () => {
    const result = createRedditConnector().poll(source('ukgov', null, { clientSecret: 'wrong' }), ctx);
    await expect(result).rejects.toMatchObject({
      code: 'fetch_failed',
      status: 401,
      message:
        "Reddit refused this source's credentials (401): check clientId and clientSecret in its config",
    });
  });

  it('renews a token Reddit revoked early, once', async () => {
    const connector = createRedditConnector();
    await connector.poll(source('ukgov', null), ctx);
    revoked.add(`tok-${tokensIssued}`);
    const before = server.requests.length;
    const result = await connector.poll(source('ukgov', null), ctx);
    expect(since(before).map((request) => request.method)).toEqual(['GET', 'POST', 'GET']);
    expect(result.posts).toHaveLength(3);
  });
});
