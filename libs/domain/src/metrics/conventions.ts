import { DomainError } from '../errors';
import type { GcsStage, MetricUnit } from './catalogue';

/** Below this many observations a value is shown as a small sample (METRICS.md). */
export const SMALL_SAMPLE_BELOW = 30;

/** A window is at most this long, so one request cannot ask for a scan of every hour there is. */
export const MAX_WINDOW_DAYS = 400;
const DAY_MS = 86_400_000;

/** A period [from, to): `from` is counted, `to` is not. Both are instants (UTC). */
export type Window = { from: Date; to: Date };

/** What every metric carries (issue 11). `value` null means "no data": the denominator was zero. */
export type MetricValue = {
  value: number | null;
  n: number;
  numerator: number | null;
  denominator: number | null;
  previous: number | null;
  change: number | null;
  unit: MetricUnit;
  stage: GcsStage;
  smallSample: boolean;
  /** How many items were left out (flagged spam or bot authors), reported rather than hidden. */
  excluded: number;
};

/** Ratio of sums. A zero denominator gives null ("no data"), never 0; `scale` is 100 for a percentage. */
export const ratio = (numerator: number, denominator: number, scale = 1): number | null =>
  denominator === 0 ? null : (numerator / denominator) * scale;

export const isSmallSample = (n: number): boolean => n < SMALL_SAMPLE_BELOW;

/**
 * How `value` moved from `previous`. For a percentage the change is in points (value − previous), because a
 * relative change of a share ("coverage up 50%") is easily misread; for everything else it is relative
 * ((value − previous) ÷ previous, so 0.25 is 25% up), and null when either is missing or previous is 0.
 */
export const change = (value: number | null, previous: number | null, unit: MetricUnit): number | null => {
  if (value === null || previous === null) return null;
  if (unit === 'percent') return value - previous;
  return ratio(value - previous, previous);
};

/**
 * One ratio-of-sums value with its comparison. `n` is the number of observations behind it (by default the
 * denominator, which it is for a rate); pass it where they differ (a mean over posts, a median).
 */
export const ratioValue = (input: {
  numerator: number;
  denominator: number;
  unit: MetricUnit;
  stage: GcsStage;
  previous?: { numerator: number; denominator: number } | null;
  n?: number;
  excluded?: number;
}): MetricValue => {
  const scale = input.unit === 'percent' ? 100 : 1;
  const value = ratio(input.numerator, input.denominator, scale);
  const previous = input.previous ? ratio(input.previous.numerator, input.previous.denominator, scale) : null;
  const n = input.n ?? input.denominator;
  return {
    value,
    n,
    numerator: input.numerator,
    denominator: input.denominator,
    previous,
    change: change(value, previous, input.unit),
    unit: input.unit,
    stage: input.stage,
    smallSample: isSmallSample(n),
    excluded: input.excluded ?? 0,
  };
};

/** A value that is not a ratio (a count, a median): no numerator or denominator to show. */
export const plainValue = (input: {
  value: number | null;
  n: number;
  unit: MetricUnit;
  stage: GcsStage;
  previous?: number | null;
  excluded?: number;
}): MetricValue => ({
  value: input.value,
  n: input.n,
  numerator: null,
  denominator: null,
  previous: input.previous ?? null,
  change: change(input.value, input.previous ?? null, input.unit),
  unit: input.unit,
  stage: input.stage,
  smallSample: isSmallSample(input.n),
  excluded: input.excluded ?? 0,
});

const invalid = (path: string, message: string) => new DomainError('invalid', message, [{ path, message }]);

const instant = (text: string, path: string): Date => {
  // An offset is required: a bare local time would be read in the server's zone, which is not the person's.
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)) {
    throw invalid(
      path,
      `${path} must be a date (2026-01-31) or a time with its offset (2026-01-31T09:00:00Z)`,
    );
  }
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  // Date rolls 31 April over to 1 May without a word; a day that is not in its month is refused instead.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || Number.isNaN(date.getTime())) {
    throw invalid(path, `${path} is not a real date`);
  }
  return date;
};

/** Reads `from` and `to` (ISO 8601) into a window: `from` before `to`, at most MAX_WINDOW_DAYS long. */
export const parseWindow = (from: string, to: string): Window => {
  const window = { from: instant(from, 'from'), to: instant(to, 'to') };
  if (window.from >= window.to) throw invalid('to', 'The end of the period must be after its start');
  if (window.to.getTime() - window.from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw invalid('to', `A period can be at most ${MAX_WINDOW_DAYS} days long`);
  }
  return window;
};

export type Compare = 'previous' | 'none';

/** `compare=previous`: the window of the same length ending where this one starts. */
export const comparisonWindow = (window: Window, compare: Compare): Window | null => {
  if (compare === 'none') return null;
  const length = window.to.getTime() - window.from.getTime();
  return { from: new Date(window.from.getTime() - length), to: window.from };
};

export const inWindow = (at: Date, window: Window): boolean => at >= window.from && at < window.to;

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at least p% of the values
 * at or below it. It is always one of the observed values (a median response time is a time someone waited), and
 * for an even count the median is the lower middle value. Null for no values.
 */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
};

export const median = (values: readonly number[]): number | null => percentile(values, 50);
export const p90 = (values: readonly number[]): number | null => percentile(values, 90);

export const DISPLAY_TIME_ZONE = 'Europe/London';

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** A stored instant as people read it: Europe/London, with GMT or BST shown so an hour is never ambiguous. */
export const londonTime = (at: Date): string => LONDON.format(at);

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  hour: 'numeric',
  hourCycle: 'h23',
});

/**
 * The instant London's day containing `at` began: a day bucket as people read it (23 hours long when the clocks go
 * forward, 25 when they go back). The clocks change at 01:00 UTC, so London midnight is never ambiguous and is
 * either 00:00 UTC (GMT) or 23:00 UTC the evening before (BST).
 */
export const londonDayStart = (at: Date): Date => {
  const [year, month, day] = LONDON_DATE.format(at).split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  // At 00:00 UTC London shows 00 (GMT) or 01 (BST): midnight there was that many hours earlier.
  return new Date(utcMidnight - Number(LONDON_HOUR.format(utcMidnight)) * 3_600_000);
};

/** The start of the London day after the one beginning at `dayStart`. */
export const nextLondonDay = (dayStart: Date): Date =>
  londonDayStart(new Date(dayStart.getTime() + 26 * 3_600_000));

/** The UTC start of the hour an instant falls in: the key of an hourly bucket. */
export const hourOf = (at: Date): Date => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
