import type { Signal } from '@parley/domain';
import { formatSpan, hoursBetween } from './format';
import { SIGNAL_WEIGHTS } from './score';
import { datedPosts, publicPosts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.recency;
export const RECENCY = { strongHours: 6, someHours: 48 } as const;

/** How long ago the public last posted; null when no public post has a date. */
export const lastPublicActivity = (facts: ThreadFacts): Date | null => {
  const times = datedPosts(publicPosts(facts)).map((p) => p.publishedAt.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
};

export const recencySignal = (facts: ThreadFacts): Signal | null => {
  const last = lastPublicActivity(facts);
  if (!last) return null;
  const hours = hoursBetween(last, facts.now);
  const ago = formatSpan(facts.now.getTime() - last.getTime());
  if (hours < RECENCY.strongHours)
    return { kind: 'recency', detail: `last public post ${ago} ago`, weight: W.within6h };
  if (hours < RECENCY.someHours)
    return { kind: 'recency', detail: `last public post ${ago} ago`, weight: W.within48h };
  return { kind: 'recency', detail: `quiet for ${ago}`, weight: W.older };
};
