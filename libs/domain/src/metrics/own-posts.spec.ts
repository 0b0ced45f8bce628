import { describe, expect, it } from 'vitest';
import {
  engagementQuality,
  engagementRate,
  engagementsOf,
  redactedExcerptOf,
  repliesByOthers,
  type OwnPostCounters,
} from './own-posts';

const post = (counters: Partial<OwnPostCounters>): OwnPostCounters => ({
  likes: 0,
  reposts: 0,
  replies: 0,
  followers: 1_000,
  ownReplies: 0,
  storedRepliesByOthers: 0,
  ...counters,
});

describe('repliesByOthers', () => {
  it.each([
    // The counter less the department's own direct replies (a thread "2/2").
    [{ replies: 5, ownReplies: 2 }, 3],
    // The department's replies Parley holds can outnumber a counter read before them: never below 0.
    [{ replies: 1, ownReplies: 2 }, 0],
    // No counter (Bluesky): the replies by others Parley stored.
    [{ replies: null, ownReplies: 4, storedRepliesByOthers: 3 }, 3],
  ])('%o → %s', (counters, expected) => expect(repliesByOthers(post(counters))).toBe(expected));
});

describe('engagementRate (per post)', () => {
  it.each([
    // (10 + 4 + (3 − 1)) ÷ 800 × 100 = 16 ÷ 8 = 2
    [{ likes: 10, reposts: 4, replies: 3, ownReplies: 1, followers: 800 }, 2],
    // Counters never reported count 0: (0 + 0 + 0) ÷ 500 × 100 = 0
    [{ likes: null, reposts: null, replies: null, followers: 500 }, 0],
    // No follower count, or none at all: no rate (a zero denominator is null, never 0).
    [{ likes: 10, followers: null }, null],
    [{ likes: 10, followers: 0 }, null],
  ])('%o → %s', (counters, expected) => expect(engagementRate(post(counters))).toBe(expected));

  it('counts likes, reposts and replies by others', () =>
    expect(engagementsOf(post({ likes: 7, reposts: 2, replies: 4, ownReplies: 1 }))).toBe(12));
});

describe('engagementQuality', () => {
  const posts = [
    // rate (20 + 5 + 5) ÷ 1,000 × 100 = 3
    post({ likes: 20, reposts: 5, replies: 5, followers: 1_000 }),
    // rate (2 + 0 + (3 − 1)) ÷ 4,000 × 100 = 0.1
    post({ likes: 2, reposts: 0, replies: 3, ownReplies: 1, followers: 4_000 }),
    // no follower count (Bluesky): excluded from the rate, counted in the per-post rates
    post({ likes: 9, reposts: 1, replies: null, storedRepliesByOthers: 2, followers: null }),
  ];
  const quality = engagementQuality(posts);

  it('averages the per-post rates over the posts with a follower count, and reports the rest', () =>
    // (3 + 0.1) ÷ 2 = 1.55; median of [0.1, 3] by nearest rank is the lower middle, 0.1
    expect(quality.engagement_rate_followers).toEqual({
      value: expect.closeTo(1.55, 10),
      n: 2,
      numerator: expect.closeTo(3.1, 10),
      denominator: 2,
      excluded: 1,
      detail: { posts: 3, withoutFollowers: 1, median: 0.1 },
    }));

  it('divides sums by every post, and per 1,000 followers over the posts that have a count', () => {
    // reposts 5 + 0 + 1 = 6 ÷ 3 = 2; per 1,000: (5 + 0) ÷ (5,000 ÷ 1,000) = 1
    expect(quality.amplification).toEqual({
      value: 2,
      n: 3,
      numerator: 6,
      denominator: 3,
      excluded: 0,
      detail: { per1000Followers: 1, postsWithFollowers: 2 },
    });
    // likes 20 + 2 + 9 = 31 ÷ 3; per 1,000: 22 ÷ 5 = 4.4
    expect(quality.applause).toMatchObject({
      value: 31 / 3,
      numerator: 31,
      detail: { per1000Followers: 4.4 },
    });
    // replies by others 5 + 2 + 2 = 9 ÷ 3 = 3; per 1,000: 7 ÷ 5 = 1.4
    expect(quality.conversation).toMatchObject({ value: 3, numerator: 9, detail: { per1000Followers: 1.4 } });
  });

  it('gives null, not 0, for a window without posts', () => {
    const none = engagementQuality([]);
    for (const reading of Object.values(none)) {
      expect(reading).toMatchObject({ value: null, n: 0, numerator: 0, denominator: 0 });
    }
    expect(none.amplification.detail.per1000Followers).toBeNull();
  });

  it('gives a null rate when no post has a follower count, and excludes them all', () =>
    expect(engagementQuality([posts[2]]).engagement_rate_followers).toMatchObject({
      value: null,
      n: 0,
      excluded: 1,
    }));
});

describe('redactedExcerptOf', () => {
  it('keeps a short post on one line with personal data replaced', () =>
    expect(redactedExcerptOf('Call us\non  0300 123 4567 or write to help@example.gov.uk')).toBe(
      'Call us on [phone number removed] or write to [email address removed]',
    ));

  it('cuts a long post at a word, with an ellipsis', () => {
    const excerpt = redactedExcerptOf(`${'word '.repeat(100)}end`);
    expect(excerpt.length).toBeLessThanOrEqual(280);
    expect(excerpt).toMatch(/word…$/);
  });
});
