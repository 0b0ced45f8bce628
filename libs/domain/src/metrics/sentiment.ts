import type { SentimentLabel } from './classification';
import { median, ratio } from './conventions';

export type SentimentCounts = Record<SentimentLabel, number>;

/** `net_sentiment`: (positive − negative) ÷ all ×100; null when there are no posts. */
export const netSentiment = (
  counts: SentimentCounts,
): { value: number | null; numerator: number; denominator: number } => {
  const denominator = counts.negative + counts.neutral + counts.positive;
  const numerator = counts.positive - counts.negative;
  return { value: ratio(numerator, denominator, 100), numerator, denominator };
};

/** How long after the department's first reply its posts count as "after" for `sentiment_shift`. */
export const SHIFT_AFTER_HOURS = 48;

/**
 * `sentiment_shift`: per engaged conversation, net sentiment after the first reply minus before it, for the
 * conversations with public posts on both sides (a side without posts has no net sentiment to compare); the
 * median across them. An association, not causation.
 */
export const sentimentShift = (
  conversations: readonly { before: SentimentCounts; after: SentimentCounts }[],
): { median: number | null; shifts: number[] } => {
  const shifts: number[] = [];
  for (const c of conversations) {
    const before = netSentiment(c.before).value;
    const after = netSentiment(c.after).value;
    if (before !== null && after !== null) shifts.push(after - before);
  }
  return { median: median(shifts), shifts };
};
