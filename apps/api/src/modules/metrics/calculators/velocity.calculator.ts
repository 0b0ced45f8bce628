import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MentionRollupRepository } from '@parley/db';
import {
  SPIKE_K,
  hourOf,
  hourlySeries,
  mentionBuckets,
  spikeHistoryWindow,
  velocity,
  velocityWindow,
  type Bucket,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

/**
 * `velocity`: the value is the department's public mentions in the window (a count, so n is the count); the detail
 * is the spike state at the window's end (or now, if sooner): the last 24 hours against the 7 days before, and the
 * last hour against the 12 before, as `velocity.ts` works them out. Read from the hourly roll-up only.
 */
@Injectable()
export class VelocityCalculator implements MetricCalculator {
  readonly ids = ['velocity'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rollup: MentionRollupRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ velocity: MetricReading }> {
    const asOf = new Date(Math.min(window.to.getTime(), hourOf(new Date()).getTime()));
    const judged = velocityWindow(asOf);
    const [totals, hourly] = await Promise.all([
      this.rollup.totals(this.dataSource, departmentId, window.from, window.to),
      this.rollup.hourly(this.dataSource, departmentId, judged.from, judged.to),
    ]);
    const state = velocity(
      hourlySeries(hourly, judged).map((h) => h.mentions),
      SPIKE_K,
    );
    return {
      velocity: {
        value: totals.mentions,
        n: totals.mentions,
        numerator: null,
        denominator: null,
        excluded: totals.excluded,
        detail: { ...state, k: SPIKE_K, asOf: judged.to.toISOString() },
      },
    };
  }

  async series(
    _id: 'velocity',
    { departmentId, window }: MetricScope,
    bucket: Bucket,
  ): Promise<SeriesReading[]> {
    const history = spikeHistoryWindow(window);
    const hourly = await this.rollup.hourly(this.dataSource, departmentId, history.from, history.to);
    return mentionBuckets(hourly, window, bucket).map(({ at, mentions, spike }) => ({
      at,
      value: mentions,
      n: mentions,
      numerator: null,
      denominator: null,
      spike,
    }));
  }
}
