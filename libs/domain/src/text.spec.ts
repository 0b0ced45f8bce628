import { describe, expect, it } from 'vitest';
import type { NormalisedPost } from './post';
import { excerptOf, firstUnstorable, storablePost, storableText } from './text';

describe('storableText', () => {
  it.each([
    ['plain text', 'plain text', -1],
    ['keeps\ttabs,\nline feeds and\r\nreturns', 'keeps\ttabs,\nline feeds and\r\nreturns', -1],
    ['NUL\u0000 and BEL\u0007 and DEL\u007f and C1\u0085', 'NUL and BEL and DEL and C1', 3],
    ['high \ud800 alone', 'high  alone', 5],
    ['low \udc00 alone', 'low  alone', 4],
    ['reversed \udc00\ud800 pair', 'reversed  pair', 9],
    ['a real pair 😀 stays', 'a real pair 😀 stays', -1],
    [
      '\u202e and \u200b are for the contracts to judge',
      '\u202e and \u200b are for the contracts to judge',
      -1,
    ],
  ])('%j → %j', (input, expected, first) => {
    expect(storableText(input)).toBe(expected);
    expect(firstUnstorable(input)).toBe(first);
    expect(storableText(storableText(input))).toBe(expected);
  });
});

describe('storablePost', () => {
  it('cleans every text field of a post, and leaves the rest as it is', () => {
    const post: NormalisedPost = {
      externalId: 'id\u0000-1',
      url: 'https://example.org/\u0000',
      title: 'Title\ud800',
      author: { name: 'Ruth\u0000 H', handle: '@ruth\udc00', profileUrl: null, followers: 3 },
      publishedAt: new Date('2026-11-30T00:00:00Z'),
      text: 'Passport\u0000 renewal',
      html: '<p>Passport\u0000 renewal</p>',
      inReplyTo: 'parent\u0000',
      language: 'en\u0000',
      platform: 'mastodon',
      rootId: 'root\ud800',
    };
    expect(storablePost(post)).toEqual({
      ...post,
      externalId: 'id-1',
      url: 'https://example.org/',
      title: 'Title',
      author: { name: 'Ruth H', handle: '@ruth', profileUrl: null, followers: 3 },
      text: 'Passport renewal',
      html: '<p>Passport renewal</p>',
      inReplyTo: 'parent',
      language: 'en',
      rootId: 'root',
    });
  });
});

describe('excerptOf', () => {
  it('collapses whitespace and drops what Parley never stores', () => {
    expect(excerptOf('  Hello\n\n  world\u0000 ')).toBe('Hello world');
  });

  it('cuts a long text at a word boundary with an ellipsis, within the limit', () => {
    // "aaaa bbbb cccc dddd" is 19 characters; at most 12: the first 11 are "aaaa bbbb c", cut back to "aaaa bbbb".
    expect(excerptOf('aaaa bbbb cccc dddd', 12)).toBe('aaaa bbbb…');
    // One long word has no boundary in its second half: cut inside it.
    expect(excerptOf('x'.repeat(20), 12)).toBe(`${'x'.repeat(11)}…`);
  });
});
