import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATA_SOURCE, inTransaction, MentionRollupRepository } from '@parley/db';
import type { DataSource } from 'typeorm';

export const MENTIONS_WATERMARK = 'mentions';

/**
 * Posts get `fetched_at = now()` when their transaction starts, so one can commit after a later-stamped post the
 * last run already counted. Each run looks back this far before its watermark to catch such posts; counting a post
 * twice is harmless because whole hours are recounted.
 */
export const COMMIT_LAG_MS = 10 * 60_000;

/** How much fetch time one transaction covers, so a first run over a year of posts commits as it goes. */
export const STEP_MS = 6 * 3_600_000;

/**
 * Brings the hourly mentions roll-up up to date. Each step is one transaction: lock the watermark, recount every
 * hour the posts fetched since it were published in, move the watermark. Safe to run twice (the second run waits
 * for the lock, then finds little or nothing new) and after a crash (the step's recount and watermark roll back
 * together).
 */
@Injectable()
export class RollUpMentionsHandler {
  private readonly logger = new Logger(RollUpMentionsHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rollup: MentionRollupRepository,
  ) {}

  async handle(): Promise<{ steps: number; hours: number }> {
    let steps = 0;
    let hours = 0;
    for (let done = false; !done; steps++) {
      const step = await inTransaction(this.dataSource, (tx) => this.step(tx));
      hours += step.hours;
      done = step.caughtUp;
    }
    this.logger.log({ message: 'mentions rolled up', steps, hours });
    return { steps, hours };
  }

  private async step(tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) {
    const { countedTo, now } = await this.rollup.lockWatermark(tx, MENTIONS_WATERMARK);
    const to = new Date(Math.min(countedTo.getTime() + STEP_MS, now.getTime()));
    const touched = await this.rollup.hoursFetchedIn(tx, new Date(countedTo.getTime() - COMMIT_LAG_MS), to);
    await this.rollup.recountHours(tx, touched);
    await this.rollup.setWatermark(tx, MENTIONS_WATERMARK, to);
    return { hours: touched.length, caughtUp: to.getTime() >= now.getTime() };
  }
}
