import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { SweepSlaHandler } from '../handlers/sweep-sla.handler';

/** Consumes the workflow queue: the SLA sweep, scheduled every minute by whichever worker boots. */
@Injectable()
export class WorkflowProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly sweepSla: SweepSlaHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'workflow',
      { SweepSla: () => this.sweepSla.handle() },
      { redis: this.redis, config: this.config, schedule: () => this.producer.scheduleSlaSweep() },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
