import type { Signal } from '@parley/domain';
import { formatCount } from './format';
import { SIGNAL_WEIGHTS } from './score';
import { authorKey, publicPosts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.reach;

export type Reach = { max: number; total: number; known: number; largest: string };

/** Follower counts of public authors where the platform told us; each author counted once, at their largest. */
export const measureReach = (facts: ThreadFacts): Reach | null => {
  const byAuthor = new Map<string, { followers: number; who: string }>();
  for (const post of publicPosts(facts)) {
    const key = authorKey(post);
    if (key === null || post.authorFollowers === null) continue;
    const who = post.authorHandle ? `@${post.authorHandle.replace(/^@/, '')}` : (post.authorName ?? '');
    if ((byAuthor.get(key)?.followers ?? -1) < post.authorFollowers)
      byAuthor.set(key, { followers: post.authorFollowers, who });
  }
  const authors = [...byAuthor.values()];
  if (authors.length === 0) return null;
  const top = authors.reduce((a, b) => (b.followers > a.followers ? b : a));
  const total = authors.reduce((s, a) => s + a.followers, 0);
  return { max: top.followers, total, known: authors.length, largest: top.who };
};

const weightOf = (max: number): number => {
  if (max >= 100_000) return W.hundredThousand;
  if (max >= 10_000) return W.tenThousand;
  return max >= 1_000 ? W.thousand : 0;
};

export const reachSignal = (facts: ThreadFacts): Signal | null => {
  const reach = measureReach(facts);
  const weight = reach ? weightOf(reach.max) : 0;
  if (!reach || weight === 0) return null;
  const detail = `largest audience ${formatCount(reach.max)} followers (${reach.largest}); ${formatCount(reach.total)} across ${reach.known} known author${reach.known === 1 ? '' : 's'}`;
  return { kind: 'reach', detail, weight };
};
