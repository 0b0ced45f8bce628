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

/**
 * Consumes the tag queue inside the api. A periodic sweep re-queues conversations whose newest version was never
 * tagged, so a flushed Redis or a lost job only delays tagging.
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
        TagConversations: (job) => this.tagging.tagMany(job.data.conversations),
        BackfillTags: (job) =>
          this.backfill.run(new Date(job.data.since), (progress) => job.updateProgress(progress)),
      },
      { redis: this.redis, config: this.config },
    );
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  private async sweep(): Promise<void> {
    try {
      await this.producer.tagConversations(
        await this.conversations.pendingTagging(this.dataSource, null, 10_000),
      );
    } catch (error) {
      this.logger.warn({ message: 'tagging sweep failed', error: (error as Error).message });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.worker?.close();
  }
}
