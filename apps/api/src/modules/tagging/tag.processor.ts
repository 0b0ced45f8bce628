import { CONFIG } from '@parley/config';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Config } from '@parley/config';
import { ConversationRepository, DATA_SOURCE } from '@parley/db';
import { type JobPayloads, JobProducer, QUEUES, REDIS } from '@parley/jobs';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { BackfillService } from './backfill.service';
import { TaggingService } from './tagging.service';

type TagJob = { [N in 'TagConversations' | 'BackfillTags']: Job<JobPayloads[N], unknown, N> }[
  'TagConversations' | 'BackfillTags'];

const SWEEP_EVERY_MS = 60_000;

/**
 * Consumes the tag queue inside the api. A periodic sweep re-queues conversations whose newest version was never
 * tagged, so a flushed Redis or a lost job only delays tagging.
 */
@Injectable()
export class TagProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TagProcessor.name);
  private worker: Worker | null = null;
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
    const worker = new Worker(QUEUES.tag, (job: Job) => this.process(job as TagJob), {
      connection: this.redis.duplicate(),
      prefix: this.config.queuePrefix,
      concurrency: 2,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.jobLockMs,
    });
    worker.on('failed', (job, error) =>
      this.logger.warn({ message: 'tagging failed', jobId: job?.id, error: error.message }),
    );
    worker.on('error', (error) => this.logger.error({ message: 'tag worker error', error: error.message }));
    this.worker = worker;
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  private async process(job: TagJob): Promise<unknown> {
    switch (job.name) {
      case 'TagConversations':
        return this.tagging.tagMany(job.data.conversations);
      case 'BackfillTags':
        return this.backfill.run(new Date(job.data.since), (progress) => job.updateProgress(progress));
      default: {
        const unknown: never = job;
        throw new Error(`no handler for tag job ${String(unknown)}`);
      }
    }
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
