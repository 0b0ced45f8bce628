import { describe, expect, it } from 'vitest';
import { parseJetstreamEvent, type JetstreamEvent } from './jetstream-event';
import { normaliseJetstreamEvent, normaliseJetstreamEvents } from './jetstream.normaliser';
import { JETSTREAM_CORPUS, loadJetstreamEvents } from './test-support/jetstream-corpus';
import { loadJetstreamFixture, type WireEvent } from './test-support/jetstream-server';

const parsed = (events: WireEvent[]): JetstreamEvent[] =>
  events.map((event) => {
    const value = parseJetstreamEvent(event.line);
    if (!value) throw new Error(`event did not parse: ${event.line.slice(0, 80)}`);
    return value;
  });

const byCollection = (events: JetstreamEvent[], collection: string) =>
  events.find((event) => event.commit?.collection === collection) as JetstreamEvent;
const fixture = parsed(loadJetstreamFixture());
const ALICE = 'did:plc:hw6dz724fjefyi67c4nssavs';
const ROOT = `at://${ALICE}/app.bsky.feed.post/3n3lyfibu2c22`;

describe("normaliseJetstreamEvent on the project's fixture events", () => {
  it('reads every fixture event', () => {
    expect(fixture).toHaveLength(22);
  });

  it('turns a post into a post, and a reply into one threaded through reply.parent and reply.root', () => {
    const [root, reply, nested] = fixture
      .filter((event) => event.commit?.collection === 'app.bsky.feed.post')
      .map((event) => normaliseJetstreamEvent(event));
    expect(root).toMatchObject({
      type: 'post',
      timeUs: 1796119200012345,
      post: {
        externalId: ROOT,
        url: `https://bsky.app/profile/${ALICE}/post/3n3lyfibu2c22`,
        author: { name: null, handle: ALICE },
        text: "The government's new asylum accommodation plan was announced today. What does it mean for councils?",
        inReplyTo: null,
        rootId: null,
        language: 'en',
        platform: 'bluesky',
        html: null,
      },
    });
    if (root?.type !== 'post') throw new Error('expected a post');
    expect(root.post.publishedAt?.toISOString()).toBe('2026-12-01T09:59:58.000Z');
    expect(reply).toMatchObject({ post: { inReplyTo: ROOT, rootId: ROOT } });
    if (reply?.type !== 'post') throw new Error('expected a post');
    expect(nested).toMatchObject({ post: { inReplyTo: reply.post.externalId, rootId: ROOT } });
  });

  it('turns likes and reposts into engagement on the subject post', () => {
    expect(normaliseJetstreamEvent(byCollection(fixture, 'app.bsky.feed.like'))).toEqual({
      type: 'engagement',
      metric: 'likes',
      subject: ROOT,
      eventUri: 'at://did:plc:ytipmrpxkfefpnhwxainqibo/app.bsky.feed.like/3n3lyfibu2k22',
      timeUs: 1796119200024690,
    });
    expect(normaliseJetstreamEvent(byCollection(fixture, 'app.bsky.feed.repost'))).toMatchObject({
      type: 'engagement',
      metric: 'reposts',
      subject: ROOT,
    });
  });

  it('ignores follows, blocks, profiles, other apps, identity and account events', () => {
    const ignored = fixture.filter(
      (event) =>
        event.commit?.operation !== 'delete' &&
        !['app.bsky.feed.post', 'app.bsky.feed.like', 'app.bsky.feed.repost'].includes(
          event.commit?.collection ?? '',
        ),
    );
    expect(ignored).toHaveLength(6);
    expect(ignored.map(normaliseJetstreamEvent)).toEqual(Array(6).fill(null));
  });
});

describe("normaliseJetstreamEvents on the project's fixture events", () => {
  const changes = normaliseJetstreamEvents(fixture);

  it('keeps every post, threads the replies, reads missing and Welsh languages, and redacts the deleted post', () => {
    expect(changes.posts).toHaveLength(7);
    expect(changes.posts.filter((post) => post.inReplyTo !== null)).toHaveLength(2);
    expect(changes.posts.map((post) => post.language).sort()).toEqual([
      'cy',
      'en',
      'en',
      'en',
      'en',
      'en',
      null,
    ]);
    expect(changes.redactions).toEqual([
      'at://did:plc:qmulrrmdzefxqi6hldbdbxg7/app.bsky.feed.post/3n3lyfibu5w22',
    ]);
  });

  it('sums likes and reposts per subject post', () => {
    const root = changes.increments.find((entry) => entry.externalId === ROOT);
    expect(root).toMatchObject({ likes: 3, reposts: 1 });
    const likes = changes.increments.reduce((sum, entry) => sum + entry.likes, 0);
    const reposts = changes.increments.reduce((sum, entry) => sum + entry.reposts, 0);
    expect({ likes, reposts, subjects: changes.increments.length }).toEqual({
      likes: 5,
      reposts: 2,
      subjects: 3,
    });
  });
});

describe('parseJetstreamEvent', () => {
  it.each([
    ['not json', '{'],
    ['an array', '[]'],
    ['no time_us', '{"did":"did:plc:x","kind":"identity"}'],
    [
      'a commit without rkey',
      '{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"c"}}',
    ],
    [
      'an unknown operation',
      '{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"x","collection":"c","rkey":"r"}}',
    ],
  ])('rejects %s', (_name, message) => {
    expect(parseJetstreamEvent(message)).toBeNull();
  });
});

// Read inside the describe blocks, which do not run their bodies' tests when the corpus is absent.
const corpus = (file: string): JetstreamEvent[] =>
  JETSTREAM_CORPUS.present ? parsed(loadJetstreamEvents(file)) : [];

describe.skipIf(!JETSTREAM_CORPUS.present)('normaliseJetstreamEvent on the golden corpus events', () => {
  const golden = corpus('events_10.jsonl');

  it('reads every event of the file', () => {
    expect(golden).toHaveLength(10);
  });

  it('turns a reply into a post threaded through reply.parent and reply.root', () => {
    const event = byCollection(golden, 'app.bsky.feed.post');
    const item = normaliseJetstreamEvent(event);
    expect(item).toMatchObject({
      type: 'post',
      timeUs: 1779719009157119,
      post: {
        externalId: 'at://did:plc:q235v55g5unth4zjjdpacfdr/app.bsky.feed.post/3mmoojp4cd223',
        url: 'https://bsky.app/profile/did:plc:q235v55g5unth4zjjdpacfdr/post/3mmoojp4cd223',
        author: { name: null, handle: 'did:plc:q235v55g5unth4zjjdpacfdr' },
        inReplyTo: 'at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26',
        rootId: expect.stringMatching(/^at:\/\/did:plc:j76trmiofvaxxpvx2vnb2vwf\/app\.bsky\.feed\.post\//),
        language: 'en',
        platform: 'bluesky',
        html: null,
      },
    });
    if (item?.type !== 'post') throw new Error('expected a post');
    expect(item.post.publishedAt?.toISOString()).toBe('2026-05-25T14:23:28.757Z');
    expect(item.post.text).toBe(String(event.commit?.record?.text).replace(/\s+/g, ' ').trim());
  });

  it('turns likes and reposts into engagement on the subject post', () => {
    expect(normaliseJetstreamEvent(byCollection(golden, 'app.bsky.feed.like'))).toEqual({
      type: 'engagement',
      metric: 'likes',
      subject: 'at://did:plc:vfnmgxg2yscfliemmcxzyfyh/app.bsky.feed.post/3mmoodizfwc2j',
      eventUri: 'at://did:plc:mcc5yghbk7tixqryac2yxku7/app.bsky.feed.like/3mmoojp7etg2g',
      timeUs: 1779719009132431,
    });
    expect(normaliseJetstreamEvent(byCollection(golden, 'app.bsky.feed.repost'))).toMatchObject({
      type: 'engagement',
      metric: 'reposts',
      subject: 'at://did:plc:hjloomm2tkve3pmfgbxegl3v/app.bsky.feed.post/3mmood3a6hc25',
    });
  });

  it('ignores follows, blocks, profiles, other apps, identity and account events', () => {
    const ignored = golden.filter(
      (event) =>
        !['app.bsky.feed.post', 'app.bsky.feed.like', 'app.bsky.feed.repost'].includes(
          event.commit?.collection ?? '',
        ),
    );
    expect(ignored).toHaveLength(7);
    expect(ignored.map(normaliseJetstreamEvent)).toEqual(Array(7).fill(null));
  });
});

describe.skipIf(!JETSTREAM_CORPUS.present)('normaliseJetstreamEvents on 152 corpus firehose events', () => {
  const firehose = corpus('events_152.jsonl');
  const changes = normaliseJetstreamEvents(firehose);

  it('reads every event of the file', () => {
    expect(firehose).toHaveLength(152);
  });

  it('keeps every post, threads the replies and redacts the deleted post', () => {
    expect(changes.posts).toHaveLength(17);
    const replies = changes.posts.filter((post) => post.inReplyTo !== null);
    expect(replies).toHaveLength(8);
    expect(
      replies.every((post) => post.rootId?.startsWith('at://') && post.inReplyTo?.startsWith('at://')),
    ).toBe(true);
    expect(changes.posts.filter((post) => post.language === null)).toHaveLength(1);
    expect(changes.redactions).toEqual([
      'at://did:plc:4smmjsqf6l5jkzczvw6vsrqc/app.bsky.feed.post/3mpt73z3ejc2p',
    ]);
  });

  it('sums likes and reposts per subject post', () => {
    const likes = changes.increments.reduce((sum, entry) => sum + entry.likes, 0);
    const reposts = changes.increments.reduce((sum, entry) => sum + entry.reposts, 0);
    expect({ likes, reposts }).toEqual({ likes: 105, reposts: 15 });
    expect(changes.increments.every((entry) => entry.externalId.includes('/app.bsky.feed.post/'))).toBe(true);
  });
});
