import type { AlertSeries } from '@parley/contracts';
import { formatPoints, formatRate } from './alert-words';

const hourLabel = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The column headings people read in the table view (and the chart's legend). */
export const SERIES_COLUMNS = {
  at: 'Hour (UK time)',
  observed: 'Observed',
  expected: 'Expected',
  low: 'Usual range from',
  high: 'Usual range to',
} as const;

export type SeriesRow = Record<(typeof SERIES_COLUMNS)[keyof typeof SERIES_COLUMNS], string | number>;

export const seriesRows = (series: AlertSeries): SeriesRow[] =>
  series.points.map((p) => ({
    [SERIES_COLUMNS.at]: hourLabel.format(new Date(p.at)),
    [SERIES_COLUMNS.observed]: p.observed,
    [SERIES_COLUMNS.expected]: p.expected,
    [SERIES_COLUMNS.low]: p.low,
    [SERIES_COLUMNS.high]: p.high,
  }));

export const seriesFormatter = (unit: AlertSeries['unit']) =>
  unit === 'net sentiment points' ? formatPoints : formatRate;

/**
 * One line from the series itself, so the words and the picture agree: the peak (or, for sentiment, the low) and
 * how many hours fell outside the usual range.
 */
export const summariseAlertSeries = (series: AlertSeries): string => {
  const points = series.points;
  if (points.length === 0) return 'No hours have been measured for this alert yet.';
  const sentiment = series.unit === 'net sentiment points';
  const format = seriesFormatter(series.unit);
  const extreme = points.reduce((best, p) =>
    sentiment ? (p.observed < best.observed ? p : best) : p.observed > best.observed ? p : best,
  );
  const outside = points.filter((p) => (sentiment ? p.observed < p.low : p.observed > p.high)).length;
  const at = hourLabel.format(new Date(extreme.at));
  const what = sentiment
    ? `Net sentiment was lowest at ${format(extreme.observed)} (${at}), against an expected ${format(extreme.expected)}`
    : `Mentions peaked at ${format(extreme.observed)} an hour (${at}), against an expected ${format(extreme.expected)}`;
  const hours = `${outside} of ${points.length} ${points.length === 1 ? 'hour' : 'hours'}`;
  return `${what}; ${hours} ${outside === 1 ? 'was' : 'were'} ${sentiment ? 'below' : 'above'} the usual range.`;
};
