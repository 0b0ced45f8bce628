import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { DigestService } from './digest.service';

/**
 * Consumes the digest queue on its schedule. It runs in the api's process because composing a report reads the
 * metrics calculators, which live in the api; the job itself is the usual scheduled, idempotent kind.
 */
@Injectable()
export class DigestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly digests: DigestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'digest',
      { SendDigests: () => this.digests.sendDue(new Date()) },
      { redis: this.redis, config: this.config, schedule: () => this.producer.scheduleDigests() },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
