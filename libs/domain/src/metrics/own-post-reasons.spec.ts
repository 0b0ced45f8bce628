import { describe, expect, it } from 'vitest';
import type { OwnPostCounters } from './own-posts';
import {
  formatTimes,
  ownPostReason,
  rankOwnPosts,
  type OwnPostsContext,
  type RankedOwnPost,
} from './own-post-reasons';

const counters = (values: Partial<OwnPostCounters>): OwnPostCounters => ({
  likes: 0,
  reposts: 0,
  replies: 0,
  followers: 12_400,
  ownReplies: 0,
  storedRepliesByOthers: 0,
  ...values,
});
// A Tuesday afternoon in London (GMT in December).
const TUESDAY = new Date('2026-12-01T14:00:00Z');
const ranked = (values: Partial<RankedOwnPost>): RankedOwnPost => ({
  ...counters(values),
  publishedAt: TUESDAY,
  rate: 1,
  ...values,
});
const context: OwnPostsContext = { medianRate: 0.5, most: { likes: 40, reposts: 12, replies: 6 } };

describe('formatTimes', () => {
  it.each([
    [3.2, '3.2×'],
    [0.44, '0.4×'],
    [0.04, 'less than 0.1×'],
    [0, '0.0×'],
    [12.6, '13×'],
  ])('%s → %s', (times, expected) => expect(formatTimes(times)).toBe(expected));
});

describe('ownPostReason', () => {
  it.each([
    [
      // 1.6 ÷ 0.5 = 3.2; 12 reposts is the window's most
      'best: against the median, with what it led on',
      ranked({ rate: 1.6, reposts: 12, likes: 30, replies: 2 }),
      'best',
      context,
      '3.2× the department’s median engagement rate; most reposts in this period',
    ],
    [
      'best: joint most of two counters',
      ranked({ rate: 2, likes: 40, replies: 6 }),
      'best',
      context,
      '4.0× the department’s median engagement rate; most likes in this period; most replies in this period',
    ],
    [
      'best: the median post had no engagement',
      ranked({ rate: 0.3, likes: 1 }),
      'best',
      { ...context, medianRate: 0 },
      'Engaged people when the department’s median post had no engagement',
    ],
    [
      // 23:10 GMT is 23:10 in London
      'worst: nothing from its followers, late at night',
      ranked({ rate: 0, publishedAt: new Date('2026-12-01T23:10:00Z') }),
      'worst',
      context,
      'No likes, reposts or replies from 12,400 followers; posted at 23:10',
    ],
    [
      // 22:10 UTC in July is 23:10 BST
      'worst: the London clock in summer time',
      ranked({ rate: 0, followers: 900, publishedAt: new Date('2026-07-01T22:10:00Z') }),
      'worst',
      context,
      'No likes, reposts or replies from 900 followers; posted at 23:10',
    ],
    [
      // 3 likes ÷ 12,400 × 100 ≈ 0.024, ÷ 0.5 ≈ 0.05 of the median; 28 Nov 2026 is a Saturday
      'worst: likes only, at a weekend',
      ranked({ rate: (3 / 12_400) * 100, likes: 3, publishedAt: new Date('2026-11-28T12:00:00Z') }),
      'worst',
      context,
      'No replies or reposts from 12,400 followers; less than 0.1× the department’s median engagement rate; posted on a Saturday',
    ],
    [
      // 0.2 ÷ 0.5 = 0.4, on a weekday afternoon: only the comparison to say
      'worst: some conversation, just below the median',
      ranked({ rate: 0.2, likes: 20, reposts: 3, replies: 2 }),
      'worst',
      context,
      '0.4× the department’s median engagement rate',
    ],
    [
      'nothing stands out',
      ranked({ rate: 0 }),
      'best',
      { ...context, medianRate: 0 },
      'About as engaging as the department’s other posts',
    ],
  ] as const)('%s', (_case, post, order, ctx, expected) =>
    expect(ownPostReason(post, order, ctx)).toBe(expected),
  );
});

describe('rankOwnPosts', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 10));
  const posts = [
    // rates: a (10 + 0 + 0) ÷ 1,000 × 100 = 1; b 40 ÷ 1,000 × 100 = 4; c 0; d no followers; e 1 (ties a, later)
    { id: 'a', publishedAt: at(2), ...counters({ likes: 10, followers: 1_000 }) },
    { id: 'b', publishedAt: at(3), ...counters({ likes: 30, reposts: 6, replies: 4, followers: 1_000 }) },
    { id: 'c', publishedAt: at(4), ...counters({ followers: 2_000 }) },
    { id: 'd', publishedAt: at(5), ...counters({ likes: 99, followers: null }) },
    { id: 'e', publishedAt: at(6), ...counters({ likes: 5, reposts: 5, followers: 1_000 }) },
  ];

  it('ranks the best first, ties to the earlier post, against the median of the rated posts', () => {
    const best = rankOwnPosts(posts, 'best', 3);
    // rates sorted [0, 1, 1, 4]: the nearest-rank median is the 2nd, 1
    expect(best).toMatchObject({ medianRate: 1, ranked: 4, withoutFollowers: 1 });
    expect(best.items.map((p) => [p.id, p.rate])).toEqual([
      ['b', 4],
      ['a', 1],
      ['e', 1],
    ]);
    // b: 4 ÷ 1 = 4.0×; its 6 reposts and 4 replies are the most (d's 99 likes are the most likes)
    expect(best.items[0].reason).toBe(
      '4.0× the department’s median engagement rate; most reposts in this period; most replies in this period',
    );
  });

  it('ranks the worst first', () =>
    expect(rankOwnPosts(posts, 'worst', 2).items.map((p) => [p.id, p.reason])).toEqual([
      ['c', 'No likes, reposts or replies from 2,000 followers'],
      ['a', 'No replies or reposts from 1,000 followers; 1.0× the department’s median engagement rate'],
    ]));

  it('has no median and nothing to rank when no post has a follower count', () =>
    expect(rankOwnPosts([posts[3]], 'best', 5)).toEqual({
      medianRate: null,
      ranked: 0,
      withoutFollowers: 1,
      items: [],
    }));
});
