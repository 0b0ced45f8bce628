import type { ThreadPost } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { authorName, buildThread, type ThreadNode } from './thread';

const post = (id: string, inReplyTo: string | null = null): ThreadPost => ({
  id,
  inReplyTo,
  url: null,
  author: { name: `Author ${id}`, handle: null },
  publishedAt: null,
  text: `text ${id}`,
  byDepartment: null,
  withheld: null,
});

/** `a(b(c) d)` — ids with their replies in brackets, to compare shapes at a glance. */
const shape = (nodes: ThreadNode[]): string =>
  nodes.map((n) => (n.replies.length ? `${n.post.id}(${shape(n.replies)})` : n.post.id)).join(' ');

describe('buildThread', () => {
  it.each([
    { name: 'no posts', posts: [], expected: '' },
    { name: 'flat comments', posts: [post('a'), post('b'), post('c')], expected: 'a b c' },
    {
      name: 'nested replies keep thread order',
      posts: [post('a'), post('b', 'a'), post('c', 'b'), post('d', 'a'), post('e')],
      expected: 'a(b(c) d) e',
    },
    { name: 'reply to a post that is not stored', posts: [post('a'), post('b', 'missing')], expected: 'a b' },
    { name: 'a post replying to itself', posts: [post('a', 'a')], expected: 'a' },
    // b claims to answer c, which comes later: attaching it would form a cycle, so it stays at the top.
    {
      name: 'reply before its parent',
      posts: [post('a'), post('b', 'c'), post('c', 'b')],
      expected: 'a b(c)',
    },
  ])('$name', ({ posts, expected }) => expect(shape(buildThread(posts))).toBe(expected));

  it('records the parent so a reply can say whom it answers', () => {
    const [root] = buildThread([post('a'), post('b', 'a')]);
    expect(root.replies[0].parent?.id).toBe('a');
    expect(root.parent).toBeNull();
  });
});

describe('authorName', () => {
  it.each([
    [{ name: 'Sam', handle: '@sam' }, 'Sam'],
    [{ name: null, handle: '@sam' }, '@sam'],
    [{ name: null, handle: null }, 'Unknown author'],
  ])('%o → %s', (author, expected) => expect(authorName(author)).toBe(expected));
});
