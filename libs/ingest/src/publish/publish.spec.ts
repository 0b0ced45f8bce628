import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPost, recordKeyOf, type PublishRequest } from './index';
import { startFakeBluesky, type FakeBluesky } from './test-support/fake-bluesky';
import { startFakeMastodon, type FakeMastodon } from './test-support/fake-mastodon';

const allowlist = ['127.0.0.1'];
const keyTime = new Date('2026-12-01T12:00:00Z');

describe('publishing a Mastodon reply', () => {
  let server: FakeMastodon;
  const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
    account: { platform: 'mastodon', handle: 'dvsa', site: server.origin, secret: 'good-token' },
    text: 'Hi, DVSA digital team here: you can change your test date on GOV.UK.',
    replyTo: { externalId: '100', url: `${server.origin}/@alex/100`, origin: server.origin },
    key: 'engagement-1',
    keyTime,
    allowlist,
    ...overrides,
  });
  beforeAll(async () => {
    server = await startFakeMastodon({ token: 'good-token', account: 'dvsa' });
    server.seed({ id: '100', acct: 'alex', content: 'How do I move my driving test?' });
  });
  afterAll(() => server.close());

  it('posts with in_reply_to_id, the bearer token and an Idempotency-Key', async () => {
    const published = await publishPost(request());
    const sent = server.requests.filter((r) => r.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0].headers.authorization).toBe('Bearer good-token');
    expect(sent[0].headers['idempotency-key']).toBe('engagement-1');
    expect(JSON.parse(sent[0].body)).toEqual({
      status: request().text,
      visibility: 'public',
      in_reply_to_id: '100',
    });
    expect(published).toMatchObject({
      externalId: expect.any(String),
      url: expect.stringContaining('/@dvsa/'),
    });
  });

  it('answers the first post again on a retry with the same key, so nothing is posted twice', async () => {
    const before = server.statuses.length;
    const again = await publishPost(request());
    expect(server.statuses).toHaveLength(before);
    expect(again.externalId).toBe(server.statuses.at(-1)?.id);
  });

  it.each([
    [
      { status: 401, json: { error: 'The access token is invalid' } },
      /refused the token.*check the account's access token/,
    ],
    [{ status: 422, json: { error: 'Validation failed' } }, /did not accept the reply: check its length/],
    [{ status: 503, body: 'down' }, /could not take the reply.*a retry does not post it twice/],
  ])('explains a refusal (%o) in words a person can act on', async (reply, message) => {
    server.failNext(reply);
    const error = await publishPost(request({ key: 'engagement-2' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'fetch_failed', message: expect.stringMatching(message) });
  });

  it('says when the token is wrong', async () => {
    const wrong = request({ key: 'engagement-3' });
    wrong.account = { ...wrong.account, secret: 'stale-token' };
    await expect(publishPost(wrong)).rejects.toThrow(/Mastodon refused the token for dvsa/);
  });
});

describe('publishing a Bluesky reply', () => {
  let server: FakeBluesky;
  let root: { uri: string; cid: string };
  let parent: { uri: string; cid: string };
  const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({
    account: {
      platform: 'bluesky',
      handle: 'dvsa.bsky.social',
      site: server.origin,
      secret: 'app-pass-word',
    },
    text: 'Hi, DVSA here: you can change your test date on GOV.UK.',
    replyTo: { externalId: parent.uri, url: null, origin: 'wss://jetstream.example' },
    key: 'engagement-9',
    keyTime,
    allowlist,
    ...overrides,
  });
  beforeAll(async () => {
    server = await startFakeBluesky({ handle: 'dvsa.bsky.social', appPassword: 'app-pass-word' });
    root = server.seed('at://did:plc:alex/app.bsky.feed.post/3root', 'Driving tests?');
    parent = server.seed('at://did:plc:sam/app.bsky.feed.post/3reply', 'Same question', {
      root,
      parent: root,
    });
  });
  afterAll(() => server.close());

  it('signs in with the app password, then creates the post with root and parent refs', async () => {
    const published = await publishPost(request());
    const session = server.requests.find((r) => r.url.pathname.endsWith('createSession'));
    expect(JSON.parse(session?.body ?? '{}')).toEqual({
      identifier: 'dvsa.bsky.social',
      password: 'app-pass-word',
    });
    const create = server.requests.find((r) => r.url.pathname.endsWith('createRecord'));
    expect(create?.headers.authorization).toBe('Bearer fake-access-jwt');
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({
      repo: server.did,
      collection: 'app.bsky.feed.post',
      rkey: recordKeyOf('engagement-9', keyTime),
      record: { $type: 'app.bsky.feed.post', text: request().text, reply: { root, parent } },
    });
    expect(published.externalId).toBe(
      `at://${server.did}/app.bsky.feed.post/${recordKeyOf('engagement-9', keyTime)}`,
    );
  });

  it('finds the record written the first time on a retry, and writes no second one', async () => {
    const before = server.records.length;
    await publishPost(request());
    expect(server.records).toHaveLength(before);
    expect(server.requests.filter((r) => r.url.pathname.endsWith('createRecord'))).toHaveLength(1);
  });

  it('says when the app password is wrong', async () => {
    const wrong = request({ key: 'engagement-10' });
    wrong.account = { ...wrong.account, secret: 'old' };
    await expect(publishPost(wrong)).rejects.toThrow(/Bluesky refused the app password for dvsa.bsky.social/);
  });

  it('makes record keys that are valid TIDs, the same for the same engagement', () => {
    const key = recordKeyOf('engagement-9', keyTime);
    expect(key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(recordKeyOf('engagement-9', keyTime)).toBe(key);
    expect(recordKeyOf('engagement-8', keyTime)).not.toBe(key);
  });
});
