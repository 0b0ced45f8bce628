import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult, SourceState } from './connector';
import { discourseConnector, discourseListUrl } from './discourse.connector';
import { fixture } from './test-support/fixtures';
import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from './test-support/local-http-server';

const ctx = { allowlist: ['127.0.0.1'] };

const outage = {
  topic_list: {
    topics: [{ id: 104, slug: 'outage', title: 'Outage', bumped_at: '2026-03-04T00:00:00.000Z' }],
  },
};

const ROUTES: Record<string, () => Reply> = {
  '/latest.json': () => ({ json: fixture('discourse/latest.json') }),
  '/t/99.json': () => ({ json: fixture('discourse/t-99.json') }),
  '/t/100.json': () => ({ json: fixture('discourse/t-100.json') }),
  '/t/101.json': () => ({ json: fixture('discourse/t-101.json') }),
  '/t/102.json': () => ({ json: fixture('discourse/t-102.json') }),
  '/t/102/posts.json': () => ({ json: fixture('discourse/t-102-posts.json') }),
  '/t/103.json': () => ({
    status: 404,
    json: { errors: ['The requested URL or resource could not be found.'], error_type: 'not_found' },
  }),
  '/c/outage/9.json': () => ({ json: outage }),
  '/t/104.json': () => ({ status: 502, body: 'Bad Gateway' }),
};

let server: LocalServer;
const answer = (request: SeenRequest): Reply | null => ROUTES[request.url.pathname]?.() ?? null;
const source = (cursor: string | null, path = '/'): SourceState => ({
  url: `${server.origin}${path}`,
  config: {},
  cursor,
});
const paths = (since: number) =>
  server.requests.slice(since).map((request) => request.url.pathname + request.url.search);
const post = (result: PollResult, id: string) => result.posts.find((entry) => entry.externalId === id);

beforeAll(async () => {
  server = await startLocalServer(answer);
});
afterAll(() => server.close());

describe('discourseListUrl', () => {
  it.each([
    ['https://forum.example.org', 'https://forum.example.org/latest.json'],
    ['https://forum.example.org/latest', 'https://forum.example.org/latest.json'],
    [
      'https://forum.example.org/latest.json?order=activity',
      'https://forum.example.org/latest.json?order=activity',
    ],
    ['https://forum.example.org/c/announcements/5/', 'https://forum.example.org/c/announcements/5.json'],
  ])('reads %s as %s', (url, expected) => {
    expect(discourseListUrl(url).href).toBe(expected);
  });
});

describe('discourseConnector', () => {
  it('reads topics bumped since the cursor, oldest first, and threads every post under its topic', async () => {
    const before = server.requests.length;
    const result = await discourseConnector.poll(source('2026-03-01T00:00:00.000Z'), ctx);
    expect(paths(before)).toEqual([
      '/latest.json',
      '/t/101.json',
      '/t/103.json',
      '/t/102.json',
      '/t/102/posts.json?post_ids[]=1024&post_ids[]=1025',
    ]);
    expect(result.posts.map((entry) => entry.externalId)).toEqual(
      ['1011', '1012', '1013', '1015', '1021', '1022', '1023', '1024', '1025'].map((id) => `post-${id}`),
    );
    expect(result.cursor).toBe('2026-03-03T09:00:00.000Z');
    expect(result.notes).toEqual(['topic 103 ("Deleted while we looked") could not be read (404); skipped']);
  });

  it('maps posts faithfully: replies, roots, titles, authors and sanitised HTML', async () => {
    const result = await discourseConnector.poll(source('2026-03-01T00:00:00.000Z'), ctx);
    expect(post(result, 'post-1011')).toMatchObject({
      url: `${server.origin}/t/bin-collection-changes-in-ward-5/101/1`,
      title: 'Bin collection changes in Ward 5',
      author: {
        name: 'Council Comms',
        handle: 'council_comms',
        profileUrl: `${server.origin}/u/council_comms`,
      },
      html: '<p>From 1 April, green bins go <strong>fortnightly</strong>. See <a href="https://www.example.gov.uk/bins" rel="nofollow noopener noreferrer">the bins page</a>.</p>',
      text: 'From 1 April, green bins go fortnightly. See the bins page.',
      inReplyTo: null,
      rootId: null,
      platform: 'discourse',
    });
    expect(post(result, 'post-1011')?.publishedAt?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(post(result, 'post-1012')).toMatchObject({
      title: null,
      author: { name: 'pat' },
      inReplyTo: 'post-1011',
      rootId: 'post-1011',
    });
    expect(post(result, 'post-1013')).toMatchObject({
      inReplyTo: 'post-1012',
      text: 'Will the brown bin stay weekly? Yes, brown bins stay weekly.',
    });
    expect(post(result, 'post-1015')).toMatchObject({ inReplyTo: 'post-1011', rootId: 'post-1011' });
    expect(post(result, 'post-1025')).toMatchObject({ inReplyTo: 'post-1024', rootId: 'post-1021' });
    expect(post(result, 'post-1014')).toBeUndefined();
    expect(result.counters.find((entry) => entry.externalId === 'post-1011')).toEqual({
      externalId: 'post-1011',
      likes: 5,
      replies: 2,
    });
  });

  it('asks for nothing more when no topic was bumped after the cursor', async () => {
    const before = server.requests.length;
    const result = await discourseConnector.poll(source('2026-03-03T09:00:00.000Z', '/latest.json'), ctx);
    expect(paths(before)).toEqual(['/latest.json']);
    expect(result).toEqual({ posts: [], counters: [], cursor: '2026-03-03T09:00:00.000Z', notes: [] });
  });

  it('takes the newest topics on a first poll, pinned ones included', async () => {
    const result = await discourseConnector.poll(source(null), ctx);
    expect(result.posts.filter((entry) => entry.inReplyTo === null).map((entry) => entry.title)).toEqual([
      'About the Announcements category',
      'Library opening hours',
      'Bin collection changes in Ward 5',
      'Bus route 42 consultation',
    ]);
    expect(result.cursor).toBe('2026-03-03T09:00:00.000Z');
  });

  it('warns when every topic on the page changed, since older changes may be on the next page', async () => {
    const result = await discourseConnector.poll(source('2026-01-01T00:00:00.000Z'), ctx);
    expect(result.notes).toContain(
      'every topic on the first page changed since the last poll, so older changes may be missed; poll this source more often',
    );
  });

  it('fails the poll when a topic cannot be read because the forum is down, so the cursor stays put', async () => {
    await expect(discourseConnector.poll(source(null, '/c/outage/9'), ctx)).rejects.toMatchObject({
      code: 'fetch_failed',
      status: 502,
    });
  });

  it("sends the source's API key and user name when it has them, and no key headers otherwise", async () => {
    const before = server.requests.length;
    await discourseConnector.poll(
      { ...source(null), config: { apiKey: 'discourse-key', apiUsername: 'parley-bot' } },
      ctx,
    );
    const keyed = server.requests.slice(before);
    expect(keyed.every((r) => r.headers['api-key'] === 'discourse-key')).toBe(true);
    expect(keyed.every((r) => r.headers['api-username'] === 'parley-bot')).toBe(true);
    const plain = server.requests.length;
    await discourseConnector.poll(source(null), ctx);
    expect(server.requests.slice(plain).some((r) => 'api-key' in r.headers)).toBe(false);
  });
});
