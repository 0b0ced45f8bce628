import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceState } from './connector';
import { mastodonConnector } from './mastodon.connector';
import { parseMastodonSource } from './mastodon-source';
import { startLocalServer, type Answer, type LocalServer } from './test-support/local-http-server';
import { MASTODON_CORPUS, loadMastodonCorpus, replayKey } from './test-support/mastodon-corpus';
import { answerMastodon, mastodonFixture, type FixtureStatus } from './test-support/mastodon-instance';

const ctx = { allowlist: ['127.0.0.1'] };

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

/** A local instance for one describe block; `source` builds a source on it. */
const localInstance = (answer: () => Answer) => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer(answer());
  });
  afterAll(() => server.close());
  return {
    requests: () => server.requests,
    lastRequest: () => server.requests[server.requests.length - 1],
    source: (path: string, extra: Partial<SourceState> = {}): SourceState => ({
      url: `${server.origin}${path}`,
      config: {},
      cursor: null,
      ...extra,
    }),
  };
};

const RUTH = '110000000000000101';
const REPLY = '113522000000000200';
const PARENT = '113522000000000100';
const BOOSTED = '113522000000000150';
const passports = mastodonFixture<FixtureStatus[]>('timeline-tag-passports');
/** 100 statuses after PAGED_START, to catch up across pages of 40. */
const PAGED_START = 113530000000000000n;
const paged = Array.from({ length: 100 }, (_, index) => ({
  ...passports[1],
  id: String(PAGED_START + BigInt(index + 1)),
}));

const fixtureAnswer = (): Answer => {
  const routes = {
    timelines: {
      '/api/v1/timelines/tag/passports': passports,
      '/api/v1/timelines/tag/renewals': mastodonFixture<FixtureStatus[]>('timeline-tag-renewals'),
      '/api/v1/timelines/tag/paged': paged,
      '/api/v1/timelines/tag/nothing': [],
      '/api/v1/timelines/public': mastodonFixture<FixtureStatus[]>('timeline-public-local'),
      [`/api/v1/accounts/${RUTH}/statuses`]: mastodonFixture<FixtureStatus[]>(`account-statuses-${RUTH}`),
    },
    documents: {
      '/api/v1/accounts/lookup?acct=ruth_h': mastodonFixture('account-ruth_h'),
      [`/api/v1/statuses/${REPLY}/context`]: mastodonFixture(`statuses-${REPLY}-context`),
      // The recorded thread's root, as GET /api/v1/statuses/:id answers it.
      [`/api/v1/statuses/${PARENT}`]: mastodonFixture<{ ancestors: unknown[] }>(`statuses-${REPLY}-context`)
        .ancestors[0],
    },
  };
  return (request) =>
    request.headers.authorization && request.headers.authorization !== 'Bearer good-token'
      ? { status: 401, json: { error: 'The access token is invalid' } }
      : answerMastodon(routes, request);
};

describe("mastodonConnector against a local instance serving the project's fixtures", () => {
  const instance = localInstance(fixtureAnswer);

  it('normalises a hashtag timeline and sets the cursor to the newest status', async () => {
    const result = await mastodonConnector.poll(instance.source('/tags/passports'), ctx);
    const request = instance.lastRequest().url;
    expect(request.pathname).toBe('/api/v1/timelines/tag/passports');
    expect(request.searchParams.get('limit')).toBe('40');
    expect(request.searchParams.has('min_id')).toBe(false);
    expect(result.posts.map((post) => post.externalId)).toEqual(passports.map((status) => status.id));
    expect(result.cursor).toBe('113520000000000300');
    expect(result.notes).toEqual([]);
    const [newest, titled, remote] = result.posts;
    expect(newest).toMatchObject({
      url: 'https://social.example/@dadofthree/113520000000000300',
      author: {
        name: 'dadofthree',
        handle: 'dadofthree',
        profileUrl: 'https://social.example/@dadofthree',
        followers: 37,
      },
      text: "Anyone know how long a child's first passport is taking right now? Applied 5 weeks ago and the tracker hasn't moved. #passports",
      title: null,
      inReplyTo: null,
      rootId: null,
      language: 'en',
      platform: 'mastodon',
    });
    expect(newest.publishedAt?.toISOString()).toBe('2026-11-30T09:41:12.345Z');
    expect(newest.html).toContain(
      '<a href="https://social.example/tags/passports" rel="nofollow noopener noreferrer">#passports</a>',
    );
    expect(titled).toMatchObject({
      title: 'Passport renewal, how it went',
      author: { name: 'Ruth Hamilton' },
    });
    expect(remote).toMatchObject({
      author: { handle: 'newsdesk@news.example', profileUrl: 'https://news.example/@newsdesk' },
      language: null,
    });
    expect(result.counters[0]).toEqual({
      externalId: '113520000000000300',
      likes: 5,
      reposts: 1,
      replies: 2,
    });
  });

  it('resumes from the cursor with min_id and keeps it when nothing is new', async () => {
    const result = await mastodonConnector.poll(
      instance.source('/tags/passports', { cursor: '113520000000000300' }),
      ctx,
    );
    expect(instance.lastRequest().url.searchParams.get('min_id')).toBe('113520000000000300');
    expect(result).toEqual({ posts: [], counters: [], cursor: '113520000000000300', notes: [] });
  });

  it('reads the counters of own posts due a fresh reading, and notes one it cannot read', async () => {
    const result = await mastodonConnector.poll(
      instance.source('/tags/passports', {
        cursor: '113520000000000300',
        recheck: [PARENT, '113500000000000999'],
      }),
      ctx,
    );
    expect(result.posts).toEqual([]);
    // The recorded root: 2 favourites, no reblogs, 1 reply.
    expect(result.counters).toEqual([{ externalId: PARENT, likes: 2, reposts: 0, replies: 1 }]);
    expect(result.notes).toEqual([
      expect.stringMatching(/^could not read the counters of status 113500000000000999 again: /),
    ]);
  });

  it('does not read again a post the poll has just read', async () => {
    const before = instance.requests().length;
    const result = await mastodonConnector.poll(
      instance.source('/tags/passports', { recheck: ['113520000000000300'] }),
      ctx,
    );
    // Only the timeline was asked for; its status's counters come from the timeline itself.
    expect(instance.requests().length - before).toBe(1);
    expect(result.counters.filter((c) => c.externalId === '113520000000000300')).toHaveLength(1);
  });

  it('resolves an account by name and returns only statuses after the cursor', async () => {
    const result = await mastodonConnector.poll(
      instance.source('/@ruth_h', { cursor: '113519000000000200' }),
      ctx,
    );
    const paths = instance
      .requests()
      .slice(-2)
      .map((request) => request.url.pathname);
    expect(paths).toEqual(['/api/v1/accounts/lookup', `/api/v1/accounts/${RUTH}/statuses`]);
    expect(instance.lastRequest().url.searchParams.get('min_id')).toBe('113519000000000200');
    expect(result.posts.map((post) => post.externalId)).toEqual(['113519000000000400', '113519000000000300']);
    expect(result.posts[0].author).toMatchObject({ name: 'Ruth Hamilton', handle: 'ruth_h', followers: 212 });
    expect(result.cursor).toBe('113519000000000400');
  });

  it('keeps the public timeline filter and strips mention markup', async () => {
    const result = await mastodonConnector.poll(instance.source('/public/local'), ctx);
    expect(instance.lastRequest().url.searchParams.get('local')).toBe('true');
    expect(result.posts).toHaveLength(2);
    const mention = result.posts.find((post) => post.externalId === '113521000000000200');
    expect(mention?.html).toBe(
      '<p><a href="https://social.example/@ruth_h" rel="nofollow noopener noreferrer">@ruth_h</a> the reference is on the letter from the council; if you don\'t have it, apply without it and we can help.</p>',
    );
    expect(mention?.text).toBe(
      "@ruth_h the reference is on the letter from the council; if you don't have it, apply without it and we can help.",
    );
  });

  it('threads a reply under its parent, loads the thread context and stores the boosted status', async () => {
    const result = await mastodonConnector.poll(instance.source('/tags/renewals'), ctx);
    expect(
      instance.requests().some((request) => request.url.pathname === `/api/v1/statuses/${REPLY}/context`),
    ).toBe(true);
    const byId = new Map(result.posts.map((post) => [post.externalId, post]));
    expect([...byId.keys()].sort()).toEqual([PARENT, BOOSTED, REPLY].sort());
    expect(byId.get(REPLY)).toMatchObject({
      inReplyTo: PARENT,
      rootId: PARENT,
      text: 'Yes, booked one for next week. You need to call, not book online.',
    });
    expect(byId.get(PARENT)).toMatchObject({
      inReplyTo: null,
      rootId: null,
      author: { name: 'Ruth Hamilton' },
    });
    expect(byId.get(BOOSTED)).toMatchObject({
      text: 'Fast track passport appointments released for December.',
      author: { name: 'Westcountry Newsdesk' },
    });
    expect(result.cursor).toBe('113522000000000300');
  });

  it('catches up page by page after a cursor, oldest pages first', async () => {
    const result = await mastodonConnector.poll(
      instance.source('/tags/paged', { cursor: String(PAGED_START) }),
      ctx,
    );
    const minIds = instance
      .requests()
      .slice(-3)
      .map((request) => request.url.searchParams.get('min_id'));
    expect(minIds).toEqual([String(PAGED_START), String(PAGED_START + 40n), String(PAGED_START + 80n)]);
    expect(result.posts).toHaveLength(100);
    expect(result.cursor).toBe(String(PAGED_START + 100n));
  });

  it('sends the access token and explains a refused one', async () => {
    await mastodonConnector.poll(
      instance.source('/tags/passports', { config: { accessToken: 'good-token' } }),
      ctx,
    );
    expect(instance.lastRequest().headers.authorization).toBe('Bearer good-token');
    const refused = mastodonConnector.poll(
      instance.source('/tags/passports', { config: { accessToken: 'revoked' } }),
      ctx,
    );
    await expect(refused).rejects.toMatchObject({
      code: 'fetch_failed',
      status: 401,
      message: expect.stringMatching(/^the instance refused access \(401\): check the source's access token/),
    });
  });

  it('answers an empty first page with a note instead of failing', async () => {
    const result = await mastodonConnector.poll(instance.source('/tags/nothing'), ctx);
    expect(result.posts).toEqual([]);
    expect(result.cursor).toBeNull();
    expect(result.notes).toEqual([
      expect.stringMatching(/returned no statuses: check the hashtag or account name/),
    ]);
  });

  it('names an account that does not exist', async () => {
    await expect(mastodonConnector.poll(instance.source('/@nobody'), ctx)).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/no account @nobody on 127\.0\.0\.1:\d+; check the source URL/),
    });
  });
});

const TAG = 'fgiztsshwiaqqiztpmmjbtvmescsculuvmgjgopwoeidbcrixp';
const ACCOUNT_ID = '117020565966271181';
type Recorded = { id: string; account: { id: string } };

describe.skipIf(!MASTODON_CORPUS.present)('mastodonConnector on the recorded Mastodon 4 responses', () => {
  let corpus: Map<string, unknown> = new Map();
  const recorded = (key: string) => corpus.get(key) as Recorded[];
  const instance = localInstance(() => {
    corpus = loadMastodonCorpus();
    // The recordings have no lookup by name: answer it with the account of the recorded statuses.
    corpus.set(
      '/api/v1/accounts/lookup?acct=mastodonpy_test',
      recorded(`/api/v1/accounts/${ACCOUNT_ID}/statuses?`)[0].account,
    );
    return (request) => {
      const json = corpus.get(replayKey(request.url));
      return json === undefined ? null : { json };
    };
  });

  it('normalises a hashtag timeline and sets the cursor to the newest status', async () => {
    const result = await mastodonConnector.poll(instance.source(`/tags/${TAG}`), ctx);
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
  });

  it('resumes from the cursor with min_id and keeps it when nothing is new', async () => {
    const result = await mastodonConnector.poll(
      instance.source(`/tags/${TAG}`, { cursor: '117020582251615632' }),
      ctx,
    );
    expect(result).toEqual({ posts: [], counters: [], cursor: '117020582251615632', notes: [] });
  });

  it('resolves an account by name and returns only statuses after the cursor', async () => {
    const result = await mastodonConnector.poll(
      instance.source('/@mastodonpy_test', { cursor: '117020580481736214' }),
      ctx,
    );
    expect(result.posts).toHaveLength(5);
    expect(result.posts.every((post) => BigInt(post.externalId) > 117020580481736214n)).toBe(true);
    expect(result.posts[0].author).toMatchObject({ name: 'John Lennon', handle: 'mastodonpy_test' });
    expect(result.cursor).toBe('117020580518794573');
  });

  it('keeps the public timeline filter and strips mention markup', async () => {
    const result = await mastodonConnector.poll(instance.source('/api/v1/timelines/public?local=1'), ctx);
    expect(result.posts).toHaveLength(8);
    const mention = result.posts.find((post) => post.externalId === '117020588169351887');
    expect(mention?.html).toBe(
      '<p><a href="http://localhost:3000/@mastodonpy_test" rel="nofollow noopener noreferrer">@mastodonpy_test</a> beep beep I\'m a jeep</p>',
    );
    expect(mention?.text).toBe("@mastodonpy_test beep beep I'm a jeep");
  });
});
