import { hourOf, ratio, type Window } from './conventions';

const HOUR_MS = 3_600_000;

export const SPIKE_K = 2;
/** A baseline week with fewer mentions than this is too thin to call anything a spike. */
export const SPIKE_MIN_BASELINE_MENTIONS = 50;
const RECENT_HOURS = 24;
const BASELINE_HOURS = 7 * 24;
const SHORT_HOURS = 12;
/** How many hours velocity reads to judge one hour: that hour's last 24 and the 7 days before them. */
export const VELOCITY_HOURS = RECENT_HOURS + BASELINE_HOURS;

/** Why no spike can be called: the baseline never varied, held too few mentions, or is not there yet. */
export type SpikeSuppression = 'flat_baseline' | 'thin_baseline' | 'short_history';

export type Velocity = {
  /** Mean mentions per hour over the last 24 hours. */
  recentMean: number;
  /** Mean and population standard deviation of the hourly counts of the 7 days before those 24 hours. */
  baselineMean: number;
  baselineSd: number;
  baselineMentions: number;
  /** baselineMean + k·σ: the recent mean must exceed this. */
  threshold: number;
  spike: boolean;
  suppressed: SpikeSuppression | null;
  /** The last hour ÷ the hourly mean of the 12 hours before it; null when those 12 hours had none. */
  lastHourRatio: number | null;
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Velocity as METRICS.md defines it, at the end of `hourly`: one count per hour, oldest first, every hour present
 * (an hour with no mentions is 0) and the last entry the most recent complete hour. σ is the population standard
 * deviation: the 168 baseline hours are the whole baseline, not a sample of it.
 */
export const velocity = (hourly: readonly number[], k = SPIKE_K): Velocity => {
  const recent = hourly.slice(-RECENT_HOURS);
  const baseline = hourly.slice(-(RECENT_HOURS + BASELINE_HOURS), -RECENT_HOURS);
  const recentMean = recent.length === 0 ? 0 : sum(recent) / recent.length;
  const baselineMentions = sum(baseline);
  const baselineMean = baseline.length === 0 ? 0 : baselineMentions / baseline.length;
  const baselineSd =
    baseline.length === 0
      ? 0
      : Math.sqrt(sum(baseline.map((c) => (c - baselineMean) ** 2)) / baseline.length);
  const threshold = baselineMean + k * baselineSd;
  const suppressed: SpikeSuppression | null =
    hourly.length < RECENT_HOURS + BASELINE_HOURS
      ? 'short_history'
      : baselineSd === 0
        ? 'flat_baseline'
        : baselineMentions < SPIKE_MIN_BASELINE_MENTIONS
          ? 'thin_baseline'
          : null;
  const beforeLast = hourly.slice(-(SHORT_HOURS + 1), -1);
  const lastHour = hourly.length > 0 ? hourly[hourly.length - 1] : 0;
  return {
    recentMean,
    baselineMean,
    baselineSd,
    baselineMentions,
    threshold,
    spike: suppressed === null && recentMean > threshold,
    suppressed,
    lastHourRatio: hourly.length < SHORT_HOURS + 1 ? null : ratio(lastHour * SHORT_HOURS, sum(beforeLast)),
  };
};

/** For a chart: whether each hour of `hourly` ends a spike, judged on the hours up to and including it. */
export const spikeMarks = (hourly: readonly number[], k = SPIKE_K): boolean[] =>
  hourly.map(
    (_, i) => velocity(hourly.slice(Math.max(0, i + 1 - RECENT_HOURS - BASELINE_HOURS), i + 1), k).spike,
  );

/**
 * The roll-up stores only hours with mentions; velocity needs every hour. One count per UTC hour of `window` (its
 * `from` rounded down to the hour), oldest first, 0 where `points` has none; points outside the window are ignored.
 */
export const hourlySeries = (
  points: readonly { hour: Date; mentions: number }[],
  window: Window,
): { hour: Date; mentions: number }[] => {
  const start = hourOf(window.from).getTime();
  const hours = Math.max(0, Math.ceil((window.to.getTime() - start) / HOUR_MS));
  const series = Array.from({ length: hours }, (_, i) => ({
    hour: new Date(start + i * HOUR_MS),
    mentions: 0,
  }));
  for (const point of points) {
    const slot = series[(hourOf(point.hour).getTime() - start) / HOUR_MS];
    if (slot) slot.mentions += point.mentions;
  }
  return series;
};

/** The window velocity needs to judge the hour before `now`: the last 24 hours and the 7 days before them. */
export const velocityWindow = (now: Date): Window => {
  const to = hourOf(now);
  return { from: new Date(to.getTime() - (RECENT_HOURS + BASELINE_HOURS) * HOUR_MS), to };
};
