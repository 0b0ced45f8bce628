import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DATA_SOURCE,
  inTransaction,
  MentionRollupRepository,
  SENTIMENT_WATERMARK,
  SentimentRepository,
} from '@parley/db';
import { CLASSIFIER_VERSION, classifySentiment } from '@parley/tagging';
import type { DataSource, EntityManager } from 'typeorm';
import { COMMIT_LAG_MS, STEP_MS } from './roll-up-mentions.handler';

/** Posts classified per statement: about 50 ms of classifying, and one bounded INSERT. */
export const CLASSIFY_CHUNK = 2_000;

/**
 * Classifies the posts fetched since the sentiment watermark and recounts the hours they were published in, so
 * ingest never waits for sentiment. Each step is one transaction holding the watermark (the mentions roll-up's
 * pattern): classify what the current classifier has not read, recount those hours, move the watermark. A retry
 * after a crash redoes the step from where the last commit left it; a post already read is not read again.
 */
@Injectable()
export class RollUpSentimentHandler {
  private readonly logger = new Logger(RollUpSentimentHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rollup: MentionRollupRepository,
    private readonly sentiment: SentimentRepository,
  ) {}

  private stopping = false;

  /** Ends a run after its current step, as the mentions roll-up does. */
  stop(): void {
    this.stopping = true;
  }

  async handle(): Promise<{ steps: number; classified: number; hours: number }> {
    let steps = 0;
    let classified = 0;
    let hours = 0;
    for (let done = false; !done && !this.stopping; steps++) {
      const step = await inTransaction(this.dataSource, (tx) => this.step(tx));
      classified += step.classified;
      hours += step.hours;
      done = step.caughtUp;
    }
    this.logger.log({ message: 'sentiment rolled up', steps, classified, hours });
    return { steps, classified, hours };
  }

  private async step(tx: EntityManager) {
    const { countedTo, now } = await this.rollup.lockWatermark(tx, SENTIMENT_WATERMARK);
    const from = new Date(countedTo.getTime() - COMMIT_LAG_MS);
    const to = new Date(Math.min(countedTo.getTime() + STEP_MS, now.getTime()));
    let classified = 0;
    for (;;) {
      const posts = await this.sentiment.unclassified(tx, from, to, CLASSIFIER_VERSION, CLASSIFY_CHUNK);
      await this.sentiment.saveClassified(
        tx,
        CLASSIFIER_VERSION,
        posts.map((p) => ({ postId: p.id, ...classifySentiment(p.text) })),
      );
      classified += posts.length;
      if (posts.length < CLASSIFY_CHUNK) break;
    }
    const touched = await this.rollup.hoursFetchedIn(tx, from, to);
    await this.sentiment.recountHours(tx, touched);
    await this.rollup.setWatermark(tx, SENTIMENT_WATERMARK, to);
    return { classified, hours: touched.length, caughtUp: to.getTime() >= now.getTime() };
  }
}
