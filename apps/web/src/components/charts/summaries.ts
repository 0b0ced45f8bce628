/** One-line summaries computed from a chart's own data, so the words and the picture can never disagree. */

export type SummaryPoint = { at: string; value: number | null; spike?: boolean };

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const countWord = (count: number) => NUMBER_WORDS[count] ?? String(count);

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
});
const dayOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', month: 'long' });

const listInWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** "3 and 9 November" when the days share a month, else "30 October and 2 November" (London days). */
export const daysInWords = (instants: string[]): string => {
  const dates = instants.map((at) => new Date(at));
  const months = new Set(dates.map((d) => monthOnly.format(d)));
  if (months.size === 1 && dates.length > 1) {
    return `${listInWords(dates.map((d) => dayOnly.format(d)))} ${[...months][0]}`;
  }
  return listInWords(dates.map((d) => dayMonth.format(d)));
};

/**
 * "Mentions rose from 120 to 340 a day; two spikes, on 3 and 9 November." `per` is the bucket in words
 * ("a day"); buckets with no data are skipped, never read as zero.
 */
export const summariseSeries = (
  noun: string,
  points: SummaryPoint[],
  format: (value: number) => string,
  per = '',
): string => {
  const known = points.filter((p): p is SummaryPoint & { value: number } => p.value !== null);
  if (known.length === 0) return `${noun}: no data in this period.`;
  const first = known[0].value;
  const last = known[known.length - 1].value;
  const unit = per ? ` ${per}` : '';
  const trend =
    known.length === 1
      ? `${noun}: ${format(first)}${unit}`
      : first === last
        ? `${noun} stayed at ${format(first)}${unit}`
        : `${noun} ${last > first ? 'rose' : 'fell'} from ${format(first)} to ${format(last)}${unit}`;
  const spikes = points.filter((p) => p.spike).map((p) => p.at);
  if (spikes.length === 0) return `${trend}.`;
  const spikeWord = spikes.length === 1 ? 'one spike' : `${countWord(spikes.length)} spikes`;
  return `${trend}; ${spikeWord}, on ${daysInWords(spikes)}.`;
};

/** "Most: Replies (12); least: Original posts (3)." for bars, or that there is nothing to show. */
export const summariseBars = (
  noun: string,
  items: { label: string; value: number }[],
  format: (value: number) => string,
): string => {
  if (items.length === 0) return `${noun}: no data in this period.`;
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const most = sorted[0];
  const least = sorted[sorted.length - 1];
  if (items.length === 1) return `${noun}: ${most.label}, ${format(most.value)}.`;
  return `${noun}: most ${most.label} (${format(most.value)}), least ${least.label} (${format(least.value)}).`;
};
