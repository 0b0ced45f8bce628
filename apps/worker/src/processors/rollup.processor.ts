import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { RollUpMentionsHandler } from '../handlers/roll-up-mentions.handler';

/** Consumes the roll-up queue and keeps its schedule; a job name without a handler fails to compile. */
@Injectable()
export class RollupProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RollupProcessor.name);
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly rollUpMentions: RollUpMentionsHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      'rollup',
      { RollUpMentions: () => this.rollUpMentions.handle() },
      { redis: this.redis, config: this.config },
    );
    await this.schedule();
    // A restarted or flushed Redis has lost the scheduler; the watermark in Postgres says where to carry on.
    this.redis.on('ready', this.schedule);
  }

  private readonly schedule = async (): Promise<void> => {
    try {
      await this.producer.scheduleRollUps();
    } catch (error) {
      this.logger.warn({ message: 'roll-up schedule not set', error: (error as Error).message });
    }
  };

  async beforeApplicationShutdown(): Promise<void> {
    this.redis.off('ready', this.schedule);
    await this.worker?.close();
  }
}
