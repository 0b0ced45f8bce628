import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { ApplyRetentionHandler } from '../handlers/apply-retention.handler';

/** Consumes the retention queue on its schedule; Postgres says which posts are due, so a run needs no payload. */
@Injectable()
export class RetentionProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly applyRetention: ApplyRetentionHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'retention',
      { ApplyRetention: () => this.applyRetention.handle() },
      { redis: this.redis, config: this.config, schedule: () => this.producer.scheduleRetention() },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
