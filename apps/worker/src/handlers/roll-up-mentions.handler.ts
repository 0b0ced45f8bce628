import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DATA_SOURCE,
  inTransaction,
  MENTIONS_WATERMARK,
  MentionRollupRepository,
  SENTIMENT_WATERMARK,
  SentimentRepository,
  THEMES_WATERMARK,
  ThemeRepository,
} from '@parley/db';
import type { DataSource } from 'typeorm';

/**
 * Posts get `fetched_at = now()` when their transaction starts, so one can commit after a later-stamped post the
 * last run already counted. Each run looks back this far before its watermark to catch such posts; counting a post
 * twice is harmless because whole hours are recounted.
 */
export const COMMIT_LAG_MS = 10 * 60_000;

/** How much fetch time one transaction covers, so a first run over a year of posts commits as it goes. */
export const STEP_MS = 6 * 3_600_000;

/** How many hours one recount transaction covers: the work per step is bounded whatever was asked. */
export const RECOUNT_STEP_HOURS = 24;

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
    private readonly sentiment: SentimentRepository,
    private readonly themes: ThemeRepository,
  ) {}

  private stopping = false;

  /** Ends a run after its current step (each step is its own transaction; the next run goes on from there). */
  stop(): void {
    this.stopping = true;
  }

  async handle(): Promise<{ steps: number; hours: number }> {
    let steps = 0;
    let hours = 0;
    for (let done = false; !done && !this.stopping; steps++) {
      const step = await inTransaction(this.dataSource, (tx) => this.step(tx));
      hours += step.hours;
      done = step.caughtUp;
    }
    this.logger.log({ message: 'mentions rolled up', steps, hours });
    // A recount whose job was lost (Redis away when it was asked for) is walked here, at most ROLLUP_EVERY_MS late.
    const recounted = await this.recount();
    return { steps, hours: hours + recounted.hours };
  }

  /**
   * Walks every pending recount (a department's names or a flagged author changed), one bounded step per
   * transaction; the cursor moves with each step's recount, so a retry after a crash repeats at most one step.
   * Every hourly roll-up of public posts is recounted for the step's hours (mentions, sentiment, themes): the
   * names and flags they all read changed, and one recount keeps them in step with each other.
   */
  async recount(): Promise<{ steps: number; hours: number }> {
    let steps = 0;
    let hours = 0;
    for (;;) {
      // Each roll-up's lock too, always in this order (each roll-up takes only its own, so none can deadlock): a
      // recount and a roll-up rewriting the same hour at once would collide.
      const step = await inTransaction(this.dataSource, async (tx) => {
        await this.rollup.lockWatermark(tx, MENTIONS_WATERMARK);
        await this.rollup.lockWatermark(tx, SENTIMENT_WATERMARK);
        await this.themes.lockWatermark(tx, THEMES_WATERMARK);
        const next = await this.rollup.recountNext(tx, RECOUNT_STEP_HOURS);
        await this.sentiment.recountHours(tx, next.hours);
        await this.themes.recountHoursEverywhere(tx, next.hours);
        return next;
      });
      if (!step.pending || this.stopping) break;
      steps++;
      hours += step.hours.length;
    }
    if (steps) this.logger.log({ message: 'mentions recounted', steps, hours });
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
