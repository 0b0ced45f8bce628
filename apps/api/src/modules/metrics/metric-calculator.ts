import type { Bucket, MetricId, Window } from '@parley/domain';

/** Which department and period a reading is for. Every reading is made once for the window and once for its comparison. */
export type MetricScope = { departmentId: string; departmentKey: string; window: Window };

/**
 * What a calculator measured over one window, before the comparison is attached. `value` is null when there is no
 * data (a zero denominator); `n` is the number of observations behind it; `excluded` the items left out (spam or
 * bot authors); `detail` what the metric has beyond one number (see `metricValueSchema`).
 */
export type MetricReading = {
  value: number | null;
  n: number;
  numerator: number | null;
  denominator: number | null;
  excluded?: number;
  detail?: Record<string, unknown>;
};

/** One bucket of a series: `at` is its start. */
export type SeriesReading = MetricReading & { at: Date; spike?: boolean; breakdown?: Record<string, number> };

/**
 * Computes some of METRICS.md's metrics for one department and window, from roll-ups, never by scanning raw posts.
 * Each calculator is a Nest provider listed in `CALCULATORS` (metrics.module.ts); `MetricsService` asks every one for its
 * ids, for the window and the comparison, and attaches unit, stage, change and the small-sample flag itself.
 */
export type MetricCalculator = {
  readonly ids: readonly MetricId[];
  read(scope: MetricScope): Promise<Partial<Record<MetricId, MetricReading>>>;
  /** Present when the metric has a chart over time. */
  series?(id: MetricId, scope: MetricScope, bucket: Bucket): Promise<SeriesReading[]>;
};

/** The injection token under which every calculator is gathered. */
export const METRIC_CALCULATORS = Symbol('METRIC_CALCULATORS');
