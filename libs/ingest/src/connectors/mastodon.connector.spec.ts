import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from './connector';
import { mastodonConnector } from './mastodon.connector';
import { parseMastodonSource } from './mastodon-source';
import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from './test-support/local-http-server';
import { loadMastodonCorpus, replayKey } from './test-support/mastodon-corpus';

const TAG = 'fgiztsshwiaqqiztpmmjbtvmescsculuvmgjgopwoeidbcrixp';
const ACCOUNT_ID = '117020565966271181';
const ctx = { allowlist: ['127.0.0.1'] };

type Status = { id: string; in_reply_to_id: string | null; account: { id: string }; reblog: Status | null };

const corpus = loadMastodonCorpus();
const recorded = (key: string): Status[] => corpus.get(key) as Status[];
const homeStatus = (id: string): Status => {
  const status = recorded('/api/v1/timelines/home?').find((entry) => entry.id === id);
  if (!status) throw new Error(`status ${id} is not in the corpus`);
  return status;
};

// The corpus has no replies or boosts, so these routes reshape recorded statuses into them: "it's cool guy too"
// (admin) becomes a reply to "it's cool guy" (mastodonpy_test), and a boost wraps "nice".
const CHILD = '117020590477318485';
const PARENT = '117020590470221822';
const BOOSTED = '117020582721532745';
const DERIVED: Record<string, unknown> = {
  '/api/v1/timelines/tag/thread?': [
    { ...homeStatus(CHILD), in_reply_to_id: PARENT },
    {
      ...homeStatus('117020574694606796'),
      id: '117020599999999999',
      content: '',
      reblog: homeStatus(BOOSTED),
    },
  ],
  [`/api/v1/statuses/${CHILD}/context?`]: { ancestors: [homeStatus(PARENT)], descendants: [] },
  '/api/v1/timelines/tag/nothing?': [],
  [`/api/v1/accounts/lookup?acct=mastodonpy_test`]: recorded(`/api/v1/accounts/${ACCOUNT_ID}/statuses?`)[0]
    .account,
};

/** Pages of 40 synthetic statuses after any min_id up to `PAGED_END`, to exercise catching up across pages. */
const PAGED_START = 117020600000000000n;
const PAGED_END = PAGED_START + 100n;
const pagedTimeline = (url: URL): Reply => {
  const after = BigInt(url.searchParams.get('min_id') ?? String(PAGED_START));
  const count = Number(PAGED_END - after < 40n ? PAGED_END - after : 40n);
  const ids = Array.from({ length: count }, (_, index) => String(after + BigInt(count - index)));
  return { json: ids.map((id) => ({ ...homeStatus(BOOSTED), id })) };
};

const answer = (request: SeenRequest): Reply | null => {
  if (request.headers.authorization && request.headers.authorization !== 'Bearer good-token')
    return { status: 401, json: { error: 'The access token is invalid' } };
  if (request.url.pathname === '/api/v1/timelines/tag/paged') return pagedTimeline(request.url);
  const key = replayKey(request.url);
  const json = DERIVED[key] ?? corpus.get(key);
  return json === undefined ? null : { json };
};

let server: LocalServer;
const source = (path: string, extra: Partial<SourceState> = {}): SourceState => ({
  url: `${server.origin}${path}`,
  config: {},
  cursor: null,
  ...extra,
});
const lastRequest = () => server.requests[server.requests.length - 1].url;

beforeAll(async () => {
  server = await startLocalServer(answer);
});
afterAll(() => server.close());

describe('parseMastodonSource', () => {
  it.each([
    ['https://m.example/tags/NHS', { kind: 'tag', tag: 'NHS', query: '' }],
    [
      'https://m.example/api/v1/timelines/tag/NHS?any[]=gp',
      { kind: 'tag', tag: 'NHS', query: 'any%5B%5D=gp' },
    ],
    ['https://m.example/@council', { kind: 'account', acct: 'council', query: '' }],
    ['https://m.example/@council@gov.example/', { kind: 'account', acct: 'council@gov.example', query: '' }],
    ['https://m.example/api/v1/accounts/42/statuses', { kind: 'account-id', accountId: '42', query: '' }],
    ['https://m.example/public', { kind: 'public', query: '' }],
    ['https://m.example/public/local', { kind: 'public', query: 'local=true' }],
    [
      'https://m.example/api/v1/timelines/public?local=true&limit=5&min_id=9',
      { kind: 'public', query: 'local=true' },
    ],
  ])('reads %s', (url, expected) => {
    const timeline = parseMastodonSource(url);
    expect({ ...timeline, query: timeline.query.toString() }).toEqual({
      origin: 'https://m.example',
      ...expected,
    });
  });

  it.each(['https://m.example/about', 'ftp://m.example/tags/x', 'not a url'])(
    'refuses %s with a hint',
    (url) => {
      expect(() => parseMastodonSource(url)).toThrow(
        /hashtag, account or public timeline|not a usable source URL/,
      );
    },
  );
});

describe('mastodonConnector on the recorded Mastodon 4 responses', () => {
  it('normalises a hashtag timeline and sets the cursor to the newest status', async () => {
    const result = await mastodonConnector.poll(source(`/tags/${TAG}`), ctx);
    expect(lastRequest().searchParams.get('limit')).toBe('40');
    expect(lastRequest().searchParams.has('min_id')).toBe(false);
    expect(result.posts.map((post) => post.externalId)).toEqual(
      recorded(`/api/v1/timelines/tag/${TAG}?`).map((s) => s.id),
    );
    expect(result.cursor).toBe('117020582251615632');
    expect(result.notes).toEqual([]);
    const newest = result.posts[0];
    expect(newest).toMatchObject({
      url: 'http://localhost:3000/@mastodonpy_test_2/117020582251615632',
      author: {
        name: 'mastodonpy_test_2',
        handle: 'mastodonpy_test_2',
        profileUrl: 'http://localhost:3000/@mastodonpy_test_2',
        followers: 0,
      },
      text: `Toot number 29! #${TAG}`,
      inReplyTo: null,
      language: 'ja',
      platform: 'mastodon',
      title: null,
      rootId: null,
    });
    expect(newest.publishedAt?.toISOString()).toBe('2026-08-01T13:53:00.550Z');
    expect(newest.html).toBe(
      `<p>Toot number 29! <a href="http://localhost:3000/tags/${TAG}" rel="nofollow noopener noreferrer">#${TAG}</a></p>`,
    );
    expect(result.counters[0]).toEqual({
      externalId: '117020582251615632',
      likes: 0,
      reposts: 0,
      replies: 0,
    });
  });

  it('resumes from the cursor with min_id and keeps it when nothing is new', async () => {
    const result = await mastodonConnector.poll(
      source(`/tags/${TAG}`, { cursor: '117020582251615632' }),
      ctx,
    );
    expect(lastRequest().searchParams.get('min_id')).toBe('117020582251615632');
    expect(result).toEqual({ posts: [], counters: [], cursor: '117020582251615632', notes: [] });
  });

  it('resolves an account by name and returns only statuses after the cursor', async () => {
    const result = await mastodonConnector.poll(
      source('/@mastodonpy_test', { cursor: '117020580481736214' }),
      ctx,
    );
    const paths = server.requests.slice(-2).map((request) => request.url.pathname);
    expect(paths).toEqual(['/api/v1/accounts/lookup', `/api/v1/accounts/${ACCOUNT_ID}/statuses`]);
    expect(lastRequest().searchParams.get('min_id')).toBe('117020580481736214');
    expect(result.posts).toHaveLength(5);
    expect(result.posts.every((post) => BigInt(post.externalId) > 117020580481736214n)).toBe(true);
    expect(result.posts[0].author).toMatchObject({ name: 'John Lennon', handle: 'mastodonpy_test' });
    expect(result.cursor).toBe('117020580518794573');
  });

  it('keeps the public timeline filter and strips mention markup', async () => {
    const result = await mastodonConnector.poll(source('/api/v1/timelines/public?local=1'), ctx);
    expect(lastRequest().searchParams.get('local')).toBe('1');
    expect(result.posts).toHaveLength(8);
    const mention = result.posts.find((post) => post.externalId === '117020588169351887');
    expect(mention?.html).toBe(
      '<p><a href="http://localhost:3000/@mastodonpy_test" rel="nofollow noopener noreferrer">@mastodonpy_test</a> beep beep I\'m a jeep</p>',
    );
    expect(mention?.text).toBe("@mastodonpy_test beep beep I'm a jeep");
  });

  it('threads a reply under its parent, loads the thread context and stores the boosted status', async () => {
    const result = await mastodonConnector.poll(source('/tags/thread'), ctx);
    expect(
      server.requests.some((request) => request.url.pathname === `/api/v1/statuses/${CHILD}/context`),
    ).toBe(true);
    const byId = new Map(result.posts.map((post) => [post.externalId, post]));
    expect([...byId.keys()].sort()).toEqual([BOOSTED, PARENT, CHILD].sort());
    expect(byId.get(CHILD)).toMatchObject({ inReplyTo: PARENT, rootId: PARENT, text: "it's cool guy too" });
    expect(byId.get(PARENT)).toMatchObject({
      inReplyTo: null,
      rootId: null,
      author: { name: 'John Lennon' },
    });
    expect(byId.get(BOOSTED)?.text).toBe('nice');
    expect(result.cursor).toBe('117020599999999999');
  });

  it('catches up page by page after a cursor, oldest pages first', async () => {
    const result = await mastodonConnector.poll(source('/tags/paged', { cursor: String(PAGED_START) }), ctx);
    const minIds = server.requests.slice(-3).map((request) => request.url.searchParams.get('min_id'));
    expect(minIds).toEqual([String(PAGED_START), String(PAGED_START + 40n), String(PAGED_START + 80n)]);
    expect(result.posts).toHaveLength(100);
    expect(result.cursor).toBe(String(PAGED_END));
  });

  it('sends the access token and explains a refused one', async () => {
    await mastodonConnector.poll(source(`/tags/${TAG}`, { config: { accessToken: 'good-token' } }), ctx);
    expect(server.requests[server.requests.length - 1].headers.authorization).toBe('Bearer good-token');
    const refused = mastodonConnector.poll(
      source(`/tags/${TAG}`, { config: { accessToken: 'revoked' } }),
      ctx,
    );
    await expect(refused).rejects.toMatchObject({
      code: 'fetch_failed',
      status: 401,
      message: expect.stringMatching(/^the instance refused access \(401\): check the source's access token/),
    });
  });

  it('answers an empty first page with a note instead of failing', async () => {
    const result = await mastodonConnector.poll(source('/tags/nothing'), ctx);
    expect(result.posts).toEqual([]);
    expect(result.cursor).toBeNull();
    expect(result.notes).toEqual([
      expect.stringMatching(/returned no statuses: check the hashtag or account name/),
    ]);
  });

  it('names an account that does not exist', async () => {
    await expect(mastodonConnector.poll(source('/@nobody'), ctx)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/no account @nobody on 127\.0\.0\.1:\d+; check the source URL/),
    });
  });
});
