import { Inject, Injectable } from '@nestjs/common';
import { BANK_HOLIDAYS } from '@parley/config';
import { DATA_SOURCE, MetricsLogRepository, type ResponseItemRow } from '@parley/db';
import {
  bucketStart,
  bucketStarts,
  firstResponseSummary,
  ratio,
  readAt,
  responseRate,
  type Bucket,
  type HolidayCalendar,
  type ResponseItem,
  type ResponsePolicy,
} from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { MetricCalculator, MetricReading, MetricScope, SeriesReading } from '../metric-calculator';

type Id = 'coverage' | 'first_response' | 'response_rate' | 'resolution_rate';

/** Closed without an answer: a decision was made, so nobody is waiting. */
const CLOSED_WITHOUT_ANSWER = ['declined', 'referred', 'retired'];

const item = (row: ResponseItemRow): ResponseItem => ({
  startedAt: row.startedAt,
  answeredAt: row.answeredAt,
  closedAt: CLOSED_WITHOUT_ANSWER.includes(row.status) ? row.statusAt : null,
  abusive: row.status === 'declined' && row.declineReason === 'abusive',
});

const percentOf = (numerator: number, denominator: number): MetricReading => ({
  value: ratio(numerator, denominator, 100),
  n: denominator,
  numerator,
  denominator,
});

/**
 * `coverage`, `first_response`, `response_rate` and `resolution_rate`: all about the opportunities found in the
 * window (the cohort `opportunities` counts), read as of the end of the window (or now, for one not over yet).
 * Reading a past period as of its end means it gives the same figures whenever it is read, and a period and its
 * comparison are read alike: otherwise the earlier period, having had longer to be answered, would always look
 * better. An answer after the end of the window is therefore not counted in it.
 */
@Injectable()
export class ResponsivenessCalculator implements MetricCalculator {
  readonly ids = ['coverage', 'first_response', 'response_rate', 'resolution_rate'] as const;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(BANK_HOLIDAYS) private readonly holidays: HolidayCalendar,
    private readonly log: MetricsLogRepository,
  ) {}

  async read(scope: MetricScope): Promise<Record<Id, MetricReading>> {
    const { rows, policy, at } = await this.load(scope);
    return this.readings(rows, policy, at);
  }

  async series(id: Id, scope: MetricScope, bucket: Bucket): Promise<SeriesReading[]> {
    const { rows, policy, at } = await this.load(scope);
    const byBucket = new Map<number, ResponseItemRow[]>();
    for (const row of rows) {
      const start = bucketStart(row.createdAt, bucket).getTime();
      const rowsOf = byBucket.get(start);
      if (rowsOf) rowsOf.push(row);
      else byBucket.set(start, [row]);
    }
    return bucketStarts(scope.window, bucket).map((start) => {
      const { detail: _detail, ...reading } = this.readings(byBucket.get(start.getTime()) ?? [], policy, at)[
        id
      ];
      return { at: start, ...reading };
    });
  }

  private async load({ departmentId, window }: MetricScope) {
    const at = readAt(window);
    const [rows, policy] = await Promise.all([
      this.log.responseItems(this.dataSource, departmentId, window.from, window.to, at),
      this.log.responsePolicy(this.dataSource, departmentId),
    ]);
    return { rows, policy, at };
  }

  private readings(rows: ResponseItemRow[], policy: ResponsePolicy, at: Date): Record<Id, MetricReading> {
    const items = rows.map(item);
    const answered = rows.filter((r) => r.answeredAt !== null);
    const summary = firstResponseSummary(items, policy, at, this.holidays);
    const rate = responseRate(items, policy, at, this.holidays);
    const sla = { minutes: policy.slaMinutes, businessHours: policy.businessHours };
    return {
      coverage: percentOf(answered.length, rows.length),
      first_response: {
        value: summary.median,
        n: summary.answered,
        numerator: null,
        denominator: null,
        detail: {
          median: summary.median,
          p90: summary.p90,
          withinSla: summary.withinSla?.value ?? null,
          answeredWithinSla: summary.withinSla?.numerator ?? null,
          answered: summary.answered,
          backlog: summary.backlog,
          sla,
        },
      },
      response_rate: {
        ...percentOf(rate.numerator, rate.denominator),
        detail: { abusive: rate.abusive, notYetDue: rate.notYetDue, sla },
      },
      // "Closed as answered, pointed or resolved offline" is the responded status: recording a reply, a pointer or
      // an answer given elsewhere (offline) is what responds an opportunity.
      resolution_rate: percentOf(answered.filter((r) => r.status === 'responded').length, answered.length),
    };
  }
}
