import { describe, expect, it } from 'vitest';
import { ownThreadSignal } from './own-thread.signal';
import { DFE, DWP, post, thread } from './thread.fixtures';

const ours = { byDepartmentId: DFE.id };

describe('ownThreadSignal', () => {
  it.each([
    { name: 'the public started it', posts: [post('q', { isRoot: true }), post('a', ours)], detail: null },
    { name: 'no public reply yet', posts: [post('blog', { ...ours, isRoot: true })], detail: null },
    {
      name: 'another department started it',
      posts: [post('blog', { byDepartmentId: DWP.id, isRoot: true }), post('q')],
      detail: null,
    },
    {
      name: 'one public reply',
      posts: [post('blog', { ...ours, isRoot: true }), post('q')],
      detail: 'a public reply to a post by Department for Education',
    },
    {
      name: 'several, the department answering one',
      posts: [post('blog', { ...ours, isRoot: true }), post('q'), post('a', ours), post('more')],
      detail: '2 public replies to a post by Department for Education',
    },
    {
      name: 'the root is not known',
      posts: [post('blog', ours), post('q')],
      detail: null,
    },
  ])('$name', ({ posts, detail }) => {
    const signal = ownThreadSignal(thread(posts), DFE);
    expect(signal?.detail ?? null).toBe(detail);
    expect(signal?.weight ?? null).toBe(detail === null ? null : 40);
  });
});
