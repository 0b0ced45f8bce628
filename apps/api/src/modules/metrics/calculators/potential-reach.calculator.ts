import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MentionRollupRepository } from '@parley/db';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';

/**
 * `potential_reach`: Σ followers of the distinct authors of the department's public mentions in the window, each
 * author once, at the most followers Parley saw for them that calendar year (so a year's reach reads one row per
 * author). A count with no denominator; n is the number of distinct authors.
 */
@Injectable()
export class PotentialReachCalculator implements MetricCalculator {
  readonly ids = ['potential_reach'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rollup: MentionRollupRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ potential_reach: MetricReading }> {
    const [reach, totals] = await Promise.all([
      this.rollup.reach(this.dataSource, departmentId, window.from, window.to),
      this.rollup.totals(this.dataSource, departmentId, window.from, window.to),
    ]);
    return {
      potential_reach: {
        value: reach.followers,
        n: reach.authors,
        numerator: null,
        denominator: null,
        excluded: totals.excluded,
        detail: {
          upperBound: true,
          label: 'An upper bound: not everyone who follows these people saw what they posted.',
          followers: 'the most seen for each person in the calendar year',
          authors: reach.authors,
          authorsWithoutFollowerCount: reach.withoutFollowers,
        },
      },
    };
  }
}
