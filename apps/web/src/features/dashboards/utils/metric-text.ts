import type { MetricUnit } from '@parley/domain';

const integer = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** A duration as a tile shows it: `45 min`, `2 h 15 min`, `3 days 4 h`; under a minute is `under a minute`. */
export const formatMinutes = (minutes: number): string => {
  const total = Math.round(minutes);
  if (total < 1) return 'under a minute';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  if (days > 0)
    return hours > 0
      ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h`
      : `${days} ${days === 1 ? 'day' : 'days'}`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
};

/** A value in plain words with its unit; null is "No data" (a zero denominator), never 0. */
export const formatMetricValue = (value: number | null, unit: MetricUnit): string => {
  if (value === null) return 'No data';
  switch (unit) {
    case 'count':
      return integer.format(Math.round(value));
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'ratio':
      return twoDecimals.format(value);
    case 'minutes':
      return formatMinutes(value);
    case 'level':
      return `${oneDecimal.format(value)} of 3`;
    case 'currency':
      return pounds.format(value);
  }
};

const DAY_MS = 86_400_000;

/** "the previous 30 days" for a comparison window. */
export const describeComparison = (compare: { from: string; to: string }): string => {
  const days = Math.round((Date.parse(compare.to) - Date.parse(compare.from)) / DAY_MS);
  return days === 1 ? 'the previous day' : `the previous ${integer.format(days)} days`;
};

/**
 * The change said in words: points for a percentage ("up 4 points"), relative otherwise ("down 25%"), as the
 * api computes it; null when there is nothing to compare with.
 */
export const describeChange = (
  change: number | null,
  unit: MetricUnit,
  compare: { from: string; to: string } | null,
): string | null => {
  if (change === null || compare === null) return null;
  const against = describeComparison(compare);
  if (change === 0) return `no change on ${against}`;
  const direction = change > 0 ? 'up' : 'down';
  const size = Math.abs(change);
  const amount =
    unit === 'percent'
      ? `${oneDecimal.format(size)} ${size === 1 ? 'point' : 'points'}`
      : `${integer.format(Math.round(size * 100))}%`;
  return `${direction} ${amount} on ${against}`;
};

/**
 * The tile's comparison line: the change in words, or, where a relative change cannot be worked out because the
 * previous period had none, "up from none in the previous 30 days".
 */
export const describeMovement = (
  reading: { value: number | null; previous: number | null; change: number | null; unit: MetricUnit },
  compare: { from: string; to: string } | null,
): string | null => {
  if (
    compare &&
    reading.change === null &&
    reading.previous === 0 &&
    reading.value !== null &&
    reading.value > 0
  ) {
    return `up from none in ${describeComparison(compare)}`;
  }
  return describeChange(reading.change, reading.unit, compare);
};
