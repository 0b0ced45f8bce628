import { netSentiment, type SentimentCounts } from '../metrics/sentiment';
import { expectedEventIn, type ExpectedEvent } from './calendar';
import {
  DAY_HOURS,
  DETECTOR_HOURS,
  SHORT_BASELINE_HOURS,
  type DetectorSettings,
  type Judgement,
} from './rise';

const HOUR_MS = 3_600_000;
/**
 * Fewer classified posts than this in a window judge nothing: one post moves net sentiment of 20 posts by 5 points,
 * so a smaller window's net sentiment is mostly chance.
 */
export const MIN_SENTIMENT_WINDOW_POSTS = 20;

/** Classified posts per UTC hour from `start`, oldest first, every hour present, the last the current hour. */
export type HourlySentiment = { start: Date; counts: readonly SentimentCounts[] };

const total = (counts: readonly SentimentCounts[]): SentimentCounts =>
  counts.reduce(
    (s, c) => ({
      negative: s.negative + c.negative,
      neutral: s.neutral + c.neutral,
      positive: s.positive + c.positive,
    }),
    { negative: 0, neutral: 0, positive: 0 },
  );

const turn = (
  window: Judgement['window'],
  recent: readonly SentimentCounts[],
  before: readonly SentimentCounts[],
  settings: DetectorSettings,
  event: ExpectedEvent | null,
): Judgement | null => {
  const now = netSentiment(total(recent));
  const then = netSentiment(total(before));
  if (now.value === null || then.value === null) return null;
  if (now.denominator < MIN_SENTIMENT_WINDOW_POSTS || then.denominator < settings.minBaseline) return null;
  const fall = then.value - now.value;
  if (fall <= settings.sentimentDropPoints) return null;
  return {
    window,
    observed: now.value,
    expected: then.value,
    threshold: then.value - settings.sentimentDropPoints,
    spread: fall,
    n: now.denominator,
    baselineN: then.denominator,
    expectedEvent: event,
  };
};

/**
 * A sentiment turn: net sentiment ((positive − negative) ÷ all × 100) in the last 24 hours fallen by more than
 * sentimentDropPoints against the 7 days before, or the current hour against the 12 before it. Each side needs enough
 * posts to mean something (the baseline minBaseline, the window MIN_SENTIMENT_WINDOW_POSTS). An expected event in
 * the window labels the turn but does not raise the bar: bad news expected is still bad news to answer.
 */
export const judgeSentimentTurn = (
  series: HourlySentiment,
  settings: DetectorSettings,
  events: readonly ExpectedEvent[] = [],
): Judgement | null => {
  const { counts, start } = series;
  if (counts.length < DETECTOR_HOURS) return null;
  const last = counts.length;
  const at = (i: number) => new Date(start.getTime() + i * HOUR_MS);
  const day = turn(
    'day',
    counts.slice(last - DAY_HOURS),
    counts.slice(last - DETECTOR_HOURS, last - DAY_HOURS),
    settings,
    expectedEventIn(events, at(last - DAY_HOURS), at(last)),
  );
  const hour = turn(
    'hour',
    counts.slice(last - 1),
    counts.slice(last - 1 - SHORT_BASELINE_HOURS, last - 1),
    settings,
    expectedEventIn(events, at(last - 1), at(last)),
  );
  const crossed = [day, hour].filter((j): j is Judgement => j !== null);
  return crossed.sort((a, b) => b.spread - a.spread)[0] ?? null;
};
