import { describe, expect, it } from 'vitest';
import { parseJetstreamEvent, type JetstreamEvent } from './jetstream-event';
import { normaliseJetstreamEvent, normaliseJetstreamEvents } from './jetstream.normaliser';
import { loadJetstreamEvents } from './test-support/jetstream-server';

const parsed = (file: string): JetstreamEvent[] =>
  loadJetstreamEvents(file).map((event) => {
    const value = parseJetstreamEvent(event.line);
    if (!value) throw new Error(`corpus event did not parse: ${event.line.slice(0, 80)}`);
    return value;
  });

const golden = parsed('events_10.jsonl');
const firehose = parsed('events_152.jsonl');
const byCollection = (events: JetstreamEvent[], collection: string) =>
  events.find((event) => event.commit?.collection === collection) as JetstreamEvent;

describe('parseJetstreamEvent', () => {
  it('reads every event of both corpus files', () => {
    expect(golden).toHaveLength(10);
    expect(firehose).toHaveLength(152);
  });

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

describe('normaliseJetstreamEvent on the golden events', () => {
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

describe('normaliseJetstreamEvents on 152 firehose events', () => {
  const changes = normaliseJetstreamEvents(firehose);

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
