import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MetricsLogRepository } from '@parley/db';
import { ENGAGEMENT_KINDS, ROUTES, bucketStart, bucketStarts, type Bucket } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';
import { countBy } from './engagement-counts';

const noneOfEachType = (): Record<string, number> => Object.fromEntries(ENGAGEMENT_KINDS.map((k) => [k, 0]));

/**
 * `activity`: the department's public engagements in the window, by type (reply, pointer, original post) and by
 * route. A department post Parley detected without anyone recording it is a reply, or an original post when it
 * began the thread.
 */
@Injectable()
export class ActivityCalculator implements MetricCalculator {
  readonly ids = ['activity'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: MetricsLogRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ activity: MetricReading }> {
    const groups = await this.log.engagementGroups(this.dataSource, departmentId, window.from, window.to);
    const total = groups.reduce((sum, g) => sum + g.engagements, 0);
    return {
      activity: {
        value: total,
        n: total,
        numerator: null,
        denominator: null,
        detail: {
          byType: countBy(ENGAGEMENT_KINDS, groups, (g) => g.type),
          byRoute: countBy(ROUTES, groups, (g) => g.route),
        },
      },
    };
  }

  /** Engagements per bucket, split by type. */
  async series(
    _id: 'activity',
    { departmentId, window }: MetricScope,
    bucket: Bucket,
  ): Promise<SeriesReading[]> {
    const hours = await this.log.engagementHours(this.dataSource, departmentId, window.from, window.to);
    const byBucket = new Map<number, Record<string, number>>();
    for (const { hour, type, engagements } of hours) {
      const start = bucketStart(hour, bucket).getTime();
      const breakdown = byBucket.get(start) ?? noneOfEachType();
      breakdown[type] = (breakdown[type] ?? 0) + engagements;
      byBucket.set(start, breakdown);
    }
    return bucketStarts(window, bucket).map((at) => {
      const breakdown = byBucket.get(at.getTime()) ?? noneOfEachType();
      const n = Object.values(breakdown).reduce((sum, c) => sum + c, 0);
      return { at, value: n, n, numerator: null, denominator: null, breakdown };
    });
  }
}
