import { describe, expect, it } from 'vitest';
import { alreadyEngagedSignal } from './already-engaged.signal';
import { DFE, DWP, hoursAgo, post, thread } from './thread.fixtures';

const ours = { byDepartmentId: DFE.id };

describe('alreadyEngagedSignal', () => {
  it.each([
    { name: 'not engaged', posts: [post('q')], weight: null, detail: null },
    {
      name: 'another department replied',
      posts: [post('q'), post('a', { byDepartmentId: DWP.id })],
      weight: null,
      detail: null,
    },
    {
      name: 'answered, nothing since',
      posts: [post('q', { publishedAt: hoursAgo(5) }), post('a', { ...ours, publishedAt: hoursAgo(3) })],
      weight: -20,
      detail:
        'Department for Education has replied; first reply 2 h after the first public post; nothing since',
    },
    {
      name: 'answered, people carried on',
      posts: [
        post('q', { publishedAt: hoursAgo(30) }),
        post('a', { ...ours, publishedAt: hoursAgo(29.5) }),
        post('b', { ...ours, publishedAt: hoursAgo(20) }),
        post('more', { publishedAt: hoursAgo(2) }),
      ],
      weight: -8,
      detail:
        'Department for Education has replied (2 posts); first reply 30 min after the first public post; 1 public post since',
    },
    {
      name: 'started the thread, not yet replied',
      posts: [
        post('blog', { ...ours, isRoot: true, publishedAt: hoursAgo(6) }),
        post('q', { publishedAt: hoursAgo(5) }),
      ],
      weight: null,
      detail: null,
    },
    {
      name: 'started the thread and replied',
      posts: [
        post('blog', { ...ours, isRoot: true, publishedAt: hoursAgo(6) }),
        post('q', { publishedAt: hoursAgo(5) }),
        post('a', { ...ours, publishedAt: hoursAgo(3) }),
      ],
      weight: -20,
      detail:
        'Department for Education has replied; first reply 2 h after the first public post; nothing since',
    },
    {
      name: 'undated',
      posts: [post('q', { publishedAt: null }), post('a', { ...ours, publishedAt: null })],
      weight: -20,
      detail: 'Department for Education has posted in the thread',
    },
  ])('$name', ({ posts, weight, detail }) => {
    const signal = alreadyEngagedSignal(thread(posts), DFE);
    expect(signal?.weight ?? null).toBe(weight);
    expect(signal?.detail ?? null).toBe(detail);
  });
});
