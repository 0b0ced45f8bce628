import { Inject, Injectable, Logger } from '@nestjs/common';
import { BANK_HOLIDAYS } from '@parley/config';
import { DATA_SOURCE, OpportunityRepository, inTransaction } from '@parley/db';
import { slaDeadlines, type HolidayCalendar } from '@parley/domain';
import type { DataSource } from 'typeorm';

/** Deadlines worked out per run, so one run is one short transaction however many arrived. */
const BATCH = 500;

/**
 * Keeps first-response deadlines: works out `due_at` for open opportunities that have none yet (new ones, or ones
 * whose department's SLA changed), then appends one `sla-due-soon` and one `sla-overdue` event per deadline to
 * the timeline, which the notifications fan out from. Safe to run twice or at once: deadlines are only filled
 * where empty, and a unique index keeps each warning to one row.
 */
@Injectable()
export class SweepSlaHandler {
  private readonly logger = new Logger(SweepSlaHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly opportunities: OpportunityRepository,
    @Inject(BANK_HOLIDAYS) private readonly holidays: HolidayCalendar,
  ) {}

  async handle(now = new Date()): Promise<{ deadlines: number; warnings: number }> {
    return inTransaction(this.dataSource, async (tx) => {
      const pending = await this.opportunities.slaPending(tx, BATCH);
      await this.opportunities.setDeadlines(
        tx,
        pending.map((p) => ({ id: p.id, ...slaDeadlines(p.startedAt, p, this.holidays) })),
      );
      const warnings = await this.opportunities.appendSlaWarnings(tx, now);
      if (pending.length || warnings) {
        this.logger.log({ message: 'sla sweep', deadlines: pending.length, warnings });
      }
      return { deadlines: pending.length, warnings };
    });
  }
}
