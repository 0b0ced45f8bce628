import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MetricsLogRepository } from '@parley/db';
import { ratio } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';

/**
 * `returning_participants`: of the external accounts the department engaged with in the window, the share it
 * engaged with in two or more conversations. Accounts are told apart by platform and handle.
 */
@Injectable()
export class ReturningParticipantsCalculator implements MetricCalculator {
  readonly ids = ['returning_participants'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: MetricsLogRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ returning_participants: MetricReading }> {
    const { accounts, returning } = await this.log.participants(
      this.dataSource,
      departmentId,
      window.from,
      window.to,
    );
    return {
      returning_participants: {
        value: ratio(returning, accounts, 100),
        n: accounts,
        numerator: returning,
        denominator: accounts,
      },
    };
  }
}
