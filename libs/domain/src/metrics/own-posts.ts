import { redactPublicText } from '../personal-data';
import { excerptOf } from '../text';
import { median, ratio } from './conventions';

/**
 * One of the department's own posts with its public counters, as the engagement-quality metrics read it.
 * Counters the platform never reported are null; followers are the author's count when Parley first stored the
 * post (the nearest it has to "at post time"), null where the platform does not send one (Bluesky's firehose).
 */
export type OwnPostCounters = {
  likes: number | null;
  reposts: number | null;
  /** The platform's direct-reply counter (Mastodon `replies_count`); null where it sends none (Bluesky). */
  replies: number | null;
  followers: number | null;
  /** Direct replies to the post stored in Parley, written by the department itself (a thread "2/2", an answer). */
  ownReplies: number;
  /** Direct replies to the post stored in Parley, written by anyone else (read only where `replies` is null). */
  storedRepliesByOthers: number;
};

/**
 * Replies by others: the platform's reply counter less the department's own direct replies Parley holds (a
 * department continuing its thread is not conversation). Where the platform has no counter, the replies by others
 * Parley stored. Both count direct replies only, as Mastodon's counter does.
 */
export const repliesByOthers = (post: OwnPostCounters): number =>
  post.replies === null ? post.storedRepliesByOthers : Math.max(0, post.replies - post.ownReplies);

/** Likes + reposts + replies by others. A counter never reported counts 0: Bluesky's start unset and only grow. */
export const engagementsOf = (post: OwnPostCounters): number =>
  (post.likes ?? 0) + (post.reposts ?? 0) + repliesByOthers(post);

/** Engagements ÷ followers ×100; null without a follower count (or with none: a zero denominator). */
export const engagementRate = (post: OwnPostCounters): number | null =>
  post.followers === null ? null : ratio(engagementsOf(post), post.followers, 100);

/** A value with what it was worked out from, as `MetricReading` carries it. */
export type OwnPostsValue = {
  value: number | null;
  n: number;
  numerator: number | null;
  denominator: number | null;
  excluded: number;
  detail: Record<string, unknown>;
};

export type EngagementQuality = {
  engagement_rate_followers: OwnPostsValue;
  amplification: OwnPostsValue;
  applause: OwnPostsValue;
  conversation: OwnPostsValue;
};

const perPost = (
  posts: readonly OwnPostCounters[],
  count: (post: OwnPostCounters) => number,
): OwnPostsValue => {
  const withFollowers = posts.filter((p) => p.followers !== null);
  const total = posts.reduce((sum, p) => sum + count(p), 0);
  const followed = withFollowers.reduce((sum, p) => sum + count(p), 0);
  const followers = withFollowers.reduce((sum, p) => sum + (p.followers ?? 0), 0);
  return {
    value: ratio(total, posts.length),
    n: posts.length,
    numerator: total,
    denominator: posts.length,
    excluded: 0,
    // Ratio of sums over the posts that have a follower count: Σ count ÷ (Σ followers ÷ 1,000).
    detail: { per1000Followers: ratio(followed, followers, 1000), postsWithFollowers: withFollowers.length },
  };
};

/**
 * The four engagement-quality metrics over a set of own posts. The engagement rate is a mean of per-post rates
 * (METRICS.md), so a post to 200 followers counts as much as one to 200,000: its numerator is Σ rates and its
 * denominator the posts with a follower count; posts without one are excluded and reported. Amplification,
 * applause and conversation are ratios of sums over every post. No posts gives null for all four.
 */
export const engagementQuality = (posts: readonly OwnPostCounters[]): EngagementQuality => {
  const rates = posts.map(engagementRate).filter((r): r is number => r !== null);
  const sum = rates.reduce((a, b) => a + b, 0);
  return {
    engagement_rate_followers: {
      value: ratio(sum, rates.length),
      n: rates.length,
      numerator: sum,
      denominator: rates.length,
      excluded: posts.length - rates.length,
      detail: { posts: posts.length, withoutFollowers: posts.length - rates.length, median: median(rates) },
    },
    amplification: perPost(posts, (p) => p.reposts ?? 0),
    applause: perPost(posts, (p) => p.likes ?? 0),
    conversation: perPost(posts, repliesByOthers),
  };
};

/** A post's words as a dashboard quotes them: personal data replaced by labels, then cut as every excerpt is. */
export const redactedExcerptOf = (text: string): string => excerptOf(redactPublicText(text));
