import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from './connector';
import { hackerNewsConnector, hackerNewsSearchUrl } from './hackernews.connector';
import { fixture } from './test-support/fixtures';
import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from './test-support/local-http-server';

const ctx = { allowlist: ['127.0.0.1'] };
const SEARCH = '/api/v1/search_by_date?query=council&tags=(story,comment)';

const answer = (request: SeenRequest): Reply | null => {
  if (request.url.pathname !== '/api/v1/search_by_date') return null;
  const resumed = (request.url.searchParams.get('numericFilters') ?? '').includes('created_at_i');
  const page = request.url.searchParams.get('page');
  return { json: fixture(resumed ? `hackernews/search-after-${page}.json` : 'hackernews/search-first.json') };
};

let server: LocalServer;
const source = (cursor: string | null): SourceState => ({
  url: `${server.origin}${SEARCH}`,
  config: {},
  cursor,
});
const sent = (since: number) => server.requests.slice(since).map((request) => request.url.searchParams);

beforeAll(async () => {
  server = await startLocalServer(answer);
});
afterAll(() => server.close());

describe('hackerNewsSearchUrl', () => {
  it.each([
    [null, 'numericFilters=points%3E10', 'points>10'],
    [1700000000, '', 'created_at_i>1700000000'],
    [1700000000, 'numericFilters=points%3E10,created_at_i%3E5', 'points>10,created_at_i>1700000000'],
  ])('with cursor %s and "%s" filters on %s', (since, query, filters) => {
    const url = new URL(
      hackerNewsSearchUrl(`https://hn.algolia.com/api/v1/search_by_date?query=nhs&${query}`, since, 2),
    );
    expect(url.searchParams.get('numericFilters')).toBe(filters);
    expect(url.searchParams.get('query')).toBe('nhs');
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('hitsPerPage')).toBe('100');
  });

  it('refuses a URL that is not an Algolia search', () => {
    expect(() => hackerNewsSearchUrl('https://news.ycombinator.com/newest', null, 0)).toThrow(
      /not a Hacker News search URL/,
    );
  });
});

describe('hackerNewsConnector', () => {
  it('reads one page on a first poll and maps stories and comments', async () => {
    const before = server.requests.length;
    const result = await hackerNewsConnector.poll(source(null), ctx);
    expect(sent(before).map((query) => [query.get('page'), query.get('numericFilters')])).toEqual([
      ['0', null],
    ]);
    const byId = new Map(result.posts.map((post) => [post.externalId, post]));
    expect(byId.get('43000001')).toMatchObject({
      url: 'https://news.ycombinator.com/item?id=43000001',
      title: 'Council publishes its open data register',
      author: {
        name: 'civicnerd',
        handle: 'civicnerd',
        profileUrl: 'https://news.ycombinator.com/user?id=civicnerd',
      },
      text: '',
      html: null,
      inReplyTo: null,
      rootId: null,
      platform: 'hackernews',
    });
    expect(byId.get('43000001')?.publishedAt?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(byId.get('43000000')?.text).toBe('Email goes unanswered. Is there a better way?');
    expect(byId.get('43000101')).toMatchObject({
      title: null,
      inReplyTo: '43000001',
      rootId: '43000001',
      text: 'Good to see a council doing this & doing it well.',
    });
    expect(byId.get('43000102')).toMatchObject({
      inReplyTo: '43000099',
      rootId: '43000001',
      html: '<p>Which <i>council</i> is this? The one near me publishes nothing.</p>',
    });
    expect(result.counters.find((entry) => entry.externalId === '43000001')).toEqual({
      externalId: '43000001',
      likes: 42,
      replies: 17,
    });
    expect(result.cursor).toBe('1772706000');
  });

  it('resumes from the cursor, looking back for late indexing, and reads every page', async () => {
    const before = server.requests.length;
    const result = await hackerNewsConnector.poll(source('1772706000'), ctx);
    expect(sent(before).map((query) => [query.get('page'), query.get('numericFilters')])).toEqual([
      ['0', 'created_at_i>1772705700'],
      ['1', 'created_at_i>1772705700'],
    ]);
    expect(result.posts.map((post) => post.externalId)).toEqual(['43000202', '43000201']);
    expect(result.cursor).toBe('1772712000');
  });
});
