import { describe, expect, it } from 'vitest';
import type { NormalisedPost } from './post';
import { limitPost, limitsWarning } from './post-limits';

const post = (fields: Partial<NormalisedPost> = {}): NormalisedPost => ({
  externalId: 'a',
  url: 'https://example.org/a',
  title: 'Title',
  author: { name: 'Jo', handle: 'jo' },
  publishedAt: null,
  text: 'Text',
  html: '<p>Text</p>',
  inReplyTo: null,
  language: null,
  platform: 'web',
  ...fields,
});

describe('limitPost', () => {
  it('leaves a post within the limits as it is', () => {
    const within = post();
    expect(limitPost(within)).toEqual({ post: within, cut: [] });
  });

  it('cuts long fields to their limit, ending them with an ellipsis', () => {
    const { post: cut } = limitPost(
      post({ title: 'x'.repeat(1_001), author: { name: 'n'.repeat(301), handle: 'h' } }),
    );
    expect(cut.title).toBe(`${'x'.repeat(999)}…`);
    expect(cut.author).toEqual({ name: `${'n'.repeat(299)}…`, handle: 'h' });
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const { post: cut } = limitPost(post({ title: `${'x'.repeat(998)}😀😀` }));
    expect(cut.title).toBe(`${'x'.repeat(998)}…`);
  });

  it('drops over-long links and HTML rather than cutting them, and says which limits were hit', () => {
    const { post: cut, cut: fields } = limitPost(
      post({ url: `https://example.org/${'p'.repeat(2_048)}`, html: 'h'.repeat(200_001) }),
    );
    expect(cut).toMatchObject({ url: null, html: null, text: 'Text' });
    expect(fields).toEqual(['text', 'link']);
  });
});

describe('limitsWarning', () => {
  it.each([
    [0, ['title'], null],
    [1, ['title', 'title'], "1 post was cut to Parley's limits: titles over 1,000 characters"],
    [
      1_200,
      ['text', 'link'],
      "1,200 posts were cut to Parley's limits: text over 100,000 characters, links over 2,048 characters (dropped)",
    ],
  ] as const)('%i posts cut in %j', (posts, fields, expected) =>
    expect(limitsWarning(posts, fields)).toBe(expected),
  );
});
