import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { ConversationRepository, DATA_SOURCE } from '@parley/db';
import { JobProducer, REDIS, startQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { BackfillService } from './backfill.service';
import { TaggingService } from './tagging.service';

const SWEEP_EVERY_MS = 60_000;
/** Conversations per TagPending job: one transaction of a handful of queries. */
const CHUNK = 200;

/**
 * Consumes the tag queue inside the api. Postgres is the queue: each TagPending job tags the next chunk of
 * conversations whose newest version is not tagged yet, and once it has left the queue it is queued again while
 * anything is left, so a backlog of any size drains chunk after chunk at the rate this process can tag. A periodic
 * sweep queues them again in case Redis lost them (flushed, or a process died between two chunks).
 */
@Injectable()
export class TagProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TagProcessor.name);
  private worker: QueueWorker | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly producer: JobProducer,
    private readonly tagging: TaggingService,
    private readonly backfill: BackfillService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      'tag',
      {
        TagPending: () => this.tagging.tagPending(CHUNK),
        BackfillTags: (job) =>
          this.backfill.run(new Date(job.data.since), (progress) => job.updateProgress(progress)),
      },
      {
        redis: this.redis,
        config: this.config,
        onCompleted: (job, result) => {
          if (job.name === 'TagPending') void this.next(result as { tagged: number });
        },
      },
    );
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  private async sweep(): Promise<void> {
    await this.queueIfPending();
  }

  /**
   * After a chunk: a full one means more is likely waiting. A short one is checked against Postgres, because a
   * conversation stored after the job's claim but before it left the queue was asked for while the job still
   * existed, and that request was a no-op.
   */
  private async next(finished: { tagged: number }): Promise<void> {
    // What was just tagged is counted, and the alert detectors judge it, within seconds rather than at the next
    // scheduled roll-up (issue 12: an alert within a minute of the post that crossed the bar).
    if (finished.tagged > 0)
      await this.producer.rollUpSoon().catch((error: Error) =>
        // The scheduled roll-up (every ROLLUP_EVERY_MS) counts it anyway, only later.
        this.logger.warn({ message: 'asking for the roll-ups failed', error: error.message }),
      );
    if (finished.tagged < CHUNK) await this.queueIfPending();
    else await this.producer.tagPending().catch((error: Error) => this.failed(error));
  }

  private async queueIfPending(): Promise<void> {
    try {
      if (await this.conversations.hasUnclaimedPendingTagging(this.dataSource))
        await this.producer.tagPending();
    } catch (error) {
      this.failed(error as Error);
    }
  }

  /** The sweep queues tagging again within a minute. */
  private failed(error: Error): void {
    this.logger.warn({ message: 'queueing tagging failed', error: error.message });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.worker?.close();
  }
}
