import { hourOf, londonDayStart, nextLondonDay, type Window } from './conventions';

export type Bucket = 'hour' | 'day' | 'week';

/** Where the bucket holding `at` begins: UTC hours; London days; London weeks from Monday. */
export const bucketStart = (at: Date, bucket: Bucket): Date => {
  if (bucket === 'hour') return hourOf(at);
  const day = londonDayStart(at);
  if (bucket === 'day') return day;
  // Noon keeps the weekday right whichever side of a clock change the day began.
  const weekday = (new Date(day.getTime() + 12 * 3_600_000).getUTCDay() + 6) % 7;
  let start = day;
  for (let i = 0; i < weekday; i++) start = londonDayStart(new Date(start.getTime() - 3_600_000));
  return start;
};

const nextBucket = (start: Date, bucket: Bucket): Date => {
  if (bucket === 'hour') return new Date(start.getTime() + 3_600_000);
  if (bucket === 'day') return nextLondonDay(start);
  let next = start;
  for (let i = 0; i < 7; i++) next = nextLondonDay(next);
  return next;
};

/**
 * Every bucket a window touches, oldest first, so a chart shows an empty bucket as 0 (or "no data") instead of
 * drawing a line across it. The first bucket may begin before `from`; a caller counts only [from, to) within it.
 */
export const bucketStarts = (window: Window, bucket: Bucket): Date[] => {
  const starts: Date[] = [];
  for (let at = bucketStart(window.from, bucket); at < window.to; at = nextBucket(at, bucket))
    starts.push(at);
  return starts;
};
