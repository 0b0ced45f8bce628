import type { Signal } from '@parley/domain';
import { formatSpan, hoursBetween } from './format';
import { SIGNAL_WEIGHTS } from './score';
import { publicPostTimes, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.recency;
export const RECENCY = { strongHours: 6, someHours: 48 } as const;

/** How long ago the public last posted, from the times of the public's dated posts; null when there are none. */
export const recencyAt = (times: Date[], now: Date): Signal | null => {
  if (times.length === 0) return null;
  const last = new Date(Math.max(...times.map((t) => t.getTime())));
  const hours = hoursBetween(last, now);
  const ago = formatSpan(now.getTime() - last.getTime());
  if (hours < RECENCY.strongHours)
    return { kind: 'recency', detail: `last public post ${ago} ago`, weight: W.within6h };
  if (hours < RECENCY.someHours)
    return { kind: 'recency', detail: `last public post ${ago} ago`, weight: W.within48h };
  return { kind: 'recency', detail: `quiet for ${ago}`, weight: W.older };
};

export const recencySignal = (facts: ThreadFacts): Signal | null =>
  recencyAt(publicPostTimes(facts), facts.now);
