import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MetricsLogRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import { bucketStart, bucketStarts, type Bucket } from '@parley/domain';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

/** `opportunities`: a count, so it has no denominator; n is the count itself. */
@Injectable()
export class OpportunitiesCalculator implements MetricCalculator {
  readonly ids = ['opportunities'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: MetricsLogRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ opportunities: MetricReading }> {
    const found = await this.log.opportunitiesFound(this.dataSource, departmentId, window.from, window.to);
    return { opportunities: { value: found, n: found, numerator: null, denominator: null } };
  }

  async series(
    _id: 'opportunities',
    { departmentId, window }: MetricScope,
    bucket: Bucket,
  ): Promise<SeriesReading[]> {
    const times = await this.log.opportunityTimes(this.dataSource, departmentId, window.from, window.to);
    const counts = new Map<number, number>();
    for (const at of times) {
      const start = bucketStart(at, bucket).getTime();
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
    return bucketStarts(window, bucket).map((at) => {
      const n = counts.get(at.getTime()) ?? 0;
      return { at, value: n, n, numerator: null, denominator: null };
    });
  }
}
