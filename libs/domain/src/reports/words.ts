import { DISPLAY_TIME_ZONE, SMALL_SAMPLE_BELOW, type MetricUnit } from '../metrics';
import type { ClassifierAccuracy, ReportMetric } from './inputs';

/** What a report says where a figure has no denominator: never 0, never a blank. */
export const NO_DATA = 'No data';

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const HOUR = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

export const count = (n: number): string => WHOLE.format(n);
export const percent = (value: number): string => `${NUMBER.format(value)}%`;
export const londonDate = (at: Date | string): string => DAY.format(new Date(at));
export const londonHour = (at: Date | string): string => HOUR.format(new Date(at));

/** A duration in minutes as people say it: "45 min", "2 h 5 min", "3 days 4 h". */
export const duration = (minutes: number): string => {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
  const days = Math.floor(m / 1440);
  const hours = Math.round((m % 1440) / 60);
  return `${days} ${days === 1 ? 'day' : 'days'}${hours ? ` ${hours} h` : ''}`;
};

/** The window [from, to) as a London period: the last day shown is the one before `to`. */
export const period = (from: string, to: string): string => {
  const last = new Date(new Date(to).getTime() - 1);
  return `${londonDate(from)} to ${londonDate(last)}`;
};

export const valueOf = (value: number | null, unit: MetricUnit): string => {
  if (value === null) return NO_DATA;
  switch (unit) {
    case 'percent':
      return percent(value);
    case 'minutes':
      return duration(value);
    case 'currency':
      return POUNDS.format(value);
    case 'level':
    case 'ratio':
      return NUMBER.format(value);
    case 'count':
      return count(value);
  }
};

/** A change against the comparison period: points for a percentage, relative (a fraction) for anything else. */
export const changeOf = (change: number | null, unit: MetricUnit): string => {
  if (change === null) return NO_DATA;
  if (change === 0) return 'No change';
  const direction = change > 0 ? 'Up' : 'Down';
  const size = Math.abs(change);
  return unit === 'percent'
    ? `${direction} ${NUMBER.format(size)} ${size === 1 ? 'point' : 'points'}`
    : `${direction} ${WHOLE.format(size * 100)}%`;
};

/** n as a table cell, with the small-sample warning the conventions ask for. */
export const sampleOf = (metric: Pick<ReportMetric, 'n' | 'smallSample'>): string =>
  metric.smallSample ? `${count(metric.n)} (small sample)` : count(metric.n);

export const SMALL_SAMPLE_NOTE = `fewer than ${SMALL_SAMPLE_BELOW} items, so read it with care`;

export const INFLUENCE_LEVELS = [
  'No influence recorded',
  'Insight sent to the policy team',
  'Insight cited in a submission or options paper',
  'Decision or text changed',
] as const;

/** The classifier's measured accuracy, if the sentiment metric carries one (`detail.accuracy`). */
export const classifierAccuracyOf = (metric: ReportMetric | undefined): ClassifierAccuracy | null => {
  const accuracy = metric?.detail?.accuracy as Partial<ClassifierAccuracy> | null | undefined;
  if (!accuracy || typeof accuracy !== 'object') return null;
  const { accuracy: value, n, ciLow, ciHigh } = accuracy;
  return [value, n, ciLow, ciHigh].every((x) => typeof x === 'number')
    ? { accuracy: value as number, n: n as number, ciLow: ciLow as number, ciHigh: ciHigh as number }
    : null;
};

export const accuracySentence = (accuracy: ClassifierAccuracy | null): string =>
  accuracy
    ? `The sentiment classifier agreed with people on ${percent(accuracy.accuracy * 100)} of the ${count(accuracy.n)} ` +
      `posts they labelled (95% confidence interval ${percent(accuracy.ciLow * 100)} to ${percent(accuracy.ciHigh * 100)})` +
      (accuracy.n < SMALL_SAMPLE_BELOW ? `: a small sample, so treat sentiment as indicative.` : '.')
    : 'The sentiment classifier’s accuracy has not been measured on labelled posts yet, so treat sentiment as indicative.';
