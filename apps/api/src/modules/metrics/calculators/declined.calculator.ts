import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, MetricsLogRepository } from '@parley/db';
import { DECLINE_REASONS, median, p90 } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope } from '../metric-calculator';

/**
 * `declined`: each decision not to engage made in the window, by reason code, and how long it took from the first
 * inbound post (clock time: a decision is not a reply, so the SLA's working hours do not apply). An opportunity
 * declined, reopened and declined again is two decisions.
 */
@Injectable()
export class DeclinedCalculator implements MetricCalculator {
  readonly ids = ['declined'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly log: MetricsLogRepository,
  ) {}

  async read({ departmentId, window }: MetricScope): Promise<{ declined: MetricReading }> {
    const declines = await this.log.declines(this.dataSource, departmentId, window.from, window.to);
    const byReason = Object.fromEntries(DECLINE_REASONS.map((r) => [r, 0])) as Record<string, number>;
    for (const { reason } of declines) byReason[reason] = (byReason[reason] ?? 0) + 1;
    const minutes = declines.map((d) => d.minutes);
    return {
      declined: {
        value: declines.length,
        n: declines.length,
        numerator: null,
        denominator: null,
        detail: { byReason, minutesToDecide: { median: median(minutes), p90: p90(minutes) } },
      },
    };
  }
}
