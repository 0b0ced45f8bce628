import type { HolidayCalendar } from '../business-hours';
import { dayKindOf, expectedEventIn, type DayKind, type ExpectedEvent } from './calendar';

const HOUR_MS = 3_600_000;
export const DAY_HOURS = 24;
export const BASELINE_HOURS = 7 * 24;
/** The hour test compares the current hour with this many hours before it. */
export const SHORT_BASELINE_HOURS = 12;
/** Hours a detector reads: the last 24 and the 7 days before them (the hour test's 12 lie inside these). */
export const DETECTOR_HOURS = DAY_HOURS + BASELINE_HOURS;
/** A kind of day with fewer baseline hours than this is judged against the whole baseline instead. */
const MIN_KIND_HOURS = 12;

/** The thresholds of a department's detectors (its alert settings). */
export type DetectorSettings = {
  k: number;
  expectedK: number;
  minBaseline: number;
  sentimentDropPoints: number;
};

/**
 * An hourly series as detectors read it: one count per UTC hour from `start`, oldest first, every hour present (0
 * where nothing was posted), the last entry the current hour (still filling: a count only grows, so a bar it
 * crosses early it would cross by the end of the hour too).
 */
export type HourlyCounts = { start: Date; counts: readonly number[] };
export type DetectorWindow = 'day' | 'hour';

/** The comparison behind a rise, in the measure's unit: what the alert says it crossed. */
export type Judgement = {
  window: DetectorWindow;
  observed: number;
  expected: number;
  threshold: number;
  /** σ of the baseline the threshold was drawn from. */
  spread: number;
  /** Posts in the window, and in the baseline. */
  n: number;
  baselineN: number;
  /** The expected event the window falls in: the bar was expectedK, not k. */
  expectedEvent: ExpectedEvent | null;
};

export type Suppression = 'short_history' | 'flat_baseline' | 'thin_baseline';
export type RiseVerdict =
  { rise: Judgement; suppressed: null } | { rise: null; suppressed: Suppression | null };

type Stats = { mean: number; sd: number; sum: number; hours: number };

const statsOf = (values: readonly number[]): Stats => {
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = values.length ? sum / values.length : 0;
  // Population σ: the baseline hours are the whole baseline, not a sample of it (as METRICS.md's velocity).
  const sd = values.length ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) : 0;
  return { mean, sd, sum, hours: values.length };
};

const hourAt = (series: HourlyCounts, i: number) => new Date(series.start.getTime() + i * HOUR_MS);

/**
 * The baseline of each kind of day: working-day hours are expected to look like working-day hours and rest-day
 * hours like rest days. A kind with too few hours, or that never varied, falls back to the whole baseline.
 */
export const baselineByKind = (
  series: HourlyCounts,
  isHoliday: HolidayCalendar,
): { pooled: Stats; of: (i: number) => Stats } => {
  const end = series.counts.length - DAY_HOURS;
  const from = end - BASELINE_HOURS;
  const byKind: Record<DayKind, number[]> = { working: [], rest: [] };
  for (let i = from; i < end; i++) byKind[dayKindOf(hourAt(series, i), isHoliday)].push(series.counts[i]);
  const pooled = statsOf(series.counts.slice(from, end));
  const kinds = { working: statsOf(byKind.working), rest: statsOf(byKind.rest) };
  const usable = (s: Stats) => (s.hours >= MIN_KIND_HOURS && s.sd > 0 ? s : pooled);
  const chosen = { working: usable(kinds.working), rest: usable(kinds.rest) };
  return { pooled, of: (i) => chosen[dayKindOf(hourAt(series, i), isHoliday)] };
};

const suppressionOf = (stats: Stats, minBaseline: number): Suppression | null =>
  stats.sd === 0 ? 'flat_baseline' : stats.sum < minBaseline ? 'thin_baseline' : null;

/**
 * The day test (METRICS.md `velocity`): the last 24 hours' mean against the 7 days before, each hour's bar its kind
 * of day's mean + k·σ, so the window's bar is the mean of its hours' bars (exactly mean + k·σ when every hour is
 * the same kind). Inside an expected event's window the bar is drawn with expectedK.
 */
const dayTest = (
  series: HourlyCounts,
  settings: DetectorSettings,
  isHoliday: HolidayCalendar,
  events: readonly ExpectedEvent[],
): { judgement: Judgement; suppressed: Suppression | null } => {
  const last = series.counts.length;
  const from = last - DAY_HOURS;
  const event = expectedEventIn(events, hourAt(series, from), hourAt(series, last));
  const k = event ? settings.expectedK : settings.k;
  const baseline = baselineByKind(series, isHoliday);
  let observed = 0;
  let expected = 0;
  let threshold = 0;
  let spread = 0;
  for (let i = from; i < last; i++) {
    const stats = baseline.of(i);
    observed += series.counts[i] / DAY_HOURS;
    expected += stats.mean / DAY_HOURS;
    threshold += (stats.mean + k * stats.sd) / DAY_HOURS;
    spread += stats.sd / DAY_HOURS;
  }
  return {
    judgement: {
      window: 'day',
      observed,
      expected,
      threshold,
      spread,
      n: Math.round(observed * DAY_HOURS),
      baselineN: baseline.pooled.sum,
      expectedEvent: event,
    },
    suppressed: suppressionOf(baseline.pooled, settings.minBaseline),
  };
};

/**
 * The hour test: the current hour against the 12 hours before it of the same kind of day (a Monday 09:00 against
 * Monday's early hours and Friday evening, not Sunday), mean + k·σ, expectedK inside an expected event.
 */
const hourTest = (
  series: HourlyCounts,
  settings: DetectorSettings,
  isHoliday: HolidayCalendar,
  events: readonly ExpectedEvent[],
): { judgement: Judgement; suppressed: Suppression | null } => {
  const current = series.counts.length - 1;
  const kind = dayKindOf(hourAt(series, current), isHoliday);
  const before: number[] = [];
  for (let i = current - 1; i >= 0 && before.length < SHORT_BASELINE_HOURS; i--) {
    if (dayKindOf(hourAt(series, i), isHoliday) === kind) before.push(series.counts[i]);
  }
  // Fewer than 12 of its kind in a week (never, with a weekend in every week): the 12 hours before, whatever kind.
  const baseline = statsOf(
    before.length === SHORT_BASELINE_HOURS
      ? before
      : series.counts.slice(current - SHORT_BASELINE_HOURS, current),
  );
  const event = expectedEventIn(events, hourAt(series, current), hourAt(series, current + 1));
  const k = event ? settings.expectedK : settings.k;
  const observed = series.counts[current];
  return {
    judgement: {
      window: 'hour',
      observed,
      expected: baseline.mean,
      threshold: baseline.mean + k * baseline.sd,
      spread: baseline.sd,
      n: observed,
      baselineN: baseline.sum,
      expectedEvent: event,
    },
    suppressed: suppressionOf(baseline, settings.minBaseline),
  };
};

/**
 * Whether the series is rising now: the day test or the hour test crossed its bar (a baseline that never varied or
 * holds fewer than minBaseline posts judges nothing). When both crossed, the one crossed by more is the measure.
 * Falls are never alerts here: a quiet weekend or a dip is not news.
 */
export const judgeRise = (
  series: HourlyCounts,
  settings: DetectorSettings,
  isHoliday: HolidayCalendar,
  events: readonly ExpectedEvent[] = [],
): RiseVerdict => {
  if (series.counts.length < DETECTOR_HOURS) return { rise: null, suppressed: 'short_history' };
  const tests = [dayTest(series, settings, isHoliday, events), hourTest(series, settings, isHoliday, events)];
  const crossed = tests
    .filter((t) => t.suppressed === null && t.judgement.observed > t.judgement.threshold)
    .map((t) => t.judgement)
    .sort((a, b) => b.observed / b.threshold - a.observed / a.threshold);
  if (crossed.length) return { rise: crossed[0], suppressed: null };
  return { rise: null, suppressed: tests.every((t) => t.suppressed) ? tests[0].suppressed : null };
};

/** One hour of the chart an alert carries: what was seen and the band the baseline drew round it. */
export type BandPoint = { at: Date; observed: number; expected: number; low: number; high: number };

/**
 * The last 7 days of the series with the day test's band (each hour's kind-of-day mean ± k·σ, never below 0): what
 * the alert's chart draws, so a reader sees the rise leave the band.
 */
export const riseBand = (
  series: HourlyCounts,
  settings: DetectorSettings,
  isHoliday: HolidayCalendar,
): BandPoint[] => {
  const baseline = baselineByKind(series, isHoliday);
  const from = Math.max(0, series.counts.length - BASELINE_HOURS);
  return series.counts.slice(from).map((observed, j) => {
    const stats = baseline.of(from + j);
    return {
      at: hourAt(series, from + j),
      observed,
      expected: stats.mean,
      low: Math.max(0, stats.mean - settings.k * stats.sd),
      high: stats.mean + settings.k * stats.sd,
    };
  });
};
