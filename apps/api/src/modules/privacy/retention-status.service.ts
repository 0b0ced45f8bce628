import { Inject, Injectable } from '@nestjs/common';
import type { RetentionStatus } from '@parley/contracts';
import { DATA_SOURCE, LegalHoldRepository, RetentionRepository, type RetentionRunRow } from '@parley/db';
import { isRedisUnavailable, JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';

const RECENT_RUNS = 10;

const runOf = (r: RetentionRunRow) => ({
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  pseudonymised: r.pseudonymised,
  deleted: r.deleted,
  held: r.held,
  more: r.more,
  error: r.error,
});

/** What retention is set to do and what its job has done, for the data protection officer. */
@Injectable()
export class RetentionStatusService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly holds: LegalHoldRepository,
    private readonly producer: JobProducer,
  ) {}

  async status(): Promise<RetentionStatus> {
    const [fallback, policies, runs, holds] = await Promise.all([
      this.retention.workspaceDefault(this.dataSource),
      this.retention.policies(this.dataSource),
      this.retention.lastRuns(this.dataSource, RECENT_RUNS),
      this.holds.list(this.dataSource, null, 1_000),
    ]);
    return {
      default: fallback,
      sources: policies.map((p) => ({ source: p.sourceKey, days: p.days, action: p.action, own: p.own })),
      lastRun: runs[0] ? runOf(runs[0]) : null,
      recentRuns: runs.map(runOf),
      nextRunAt: (await this.nextRun())?.toISOString() ?? null,
      legalHolds: holds.filter((h) => h.releasedAt === null).length,
    };
  }

  private async nextRun(): Promise<Date | null> {
    try {
      return await this.producer.nextRetentionRun();
    } catch (error) {
      if (isRedisUnavailable(error)) return null;
      throw error;
    }
  }
}
