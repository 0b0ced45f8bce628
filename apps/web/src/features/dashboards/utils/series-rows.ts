import type { SeriesPoint } from '@parley/contracts';
import { nextLondonDay } from '@parley/domain';

type Bucket = 'hour' | 'day' | 'week';

const LONDON = 'Europe/London';
const hour = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const week = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, day: 'numeric', month: 'short' });

/** A bucket as people read it, in London time: `3 Nov, 14:00`, `Tue 3 Nov`, `Week of 2 Nov`. */
export const bucketLabel = (at: string, bucket: Bucket): string => {
  const date = new Date(at);
  if (bucket === 'hour') return hour.format(date);
  if (bucket === 'day') return day.format(date);
  return `Week of ${week.format(date)}`;
};

/** Where a bucket ends: an hour later, the next London midnight, or seven London days later. */
export const bucketEnd = (at: string, bucket: Bucket): string => {
  const start = new Date(at);
  if (bucket === 'hour') return new Date(start.getTime() + 3_600_000).toISOString();
  let end = nextLondonDay(start);
  if (bucket === 'week') for (let i = 1; i < 7; i += 1) end = nextLondonDay(end);
  return end.toISOString();
};

/** The words for "per bucket" in a summary: "a day". */
export const perBucket = (bucket: Bucket): string =>
  ({ hour: 'an hour', day: 'a day', week: 'a week' })[bucket];

export type SeriesRow = { When: string; at: string; spike: boolean } & Record<
  string,
  string | number | boolean | null
>;

/** Chart rows from a series: the label, the value under `category` (null kept as a gap), the spike flag. */
export const seriesRows = (points: SeriesPoint[], bucket: Bucket, category: string): SeriesRow[] =>
  points.map((point) => ({
    When: bucketLabel(point.at, bucket),
    at: point.at,
    spike: point.spike === true,
    [category]: point.value,
  }));
