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
import { SweepSlaHandler } from '../handlers/sweep-sla.handler';

/** Consumes the workflow queue: the SLA sweep, scheduled every minute by whichever worker boots. */
@Injectable()
export class WorkflowProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkflowProcessor.name);
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly sweepSla: SweepSlaHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      'workflow',
      { SweepSla: () => this.sweepSla.handle() },
      { redis: this.redis, config: this.config },
    );
    await this.producer.scheduleSlaSweep();
    // A restarted or flushed Redis has lost the scheduler; Postgres has lost nothing, so scheduling again is enough.
    this.redis.on('ready', this.reschedule);
  }

  private readonly reschedule = () => {
    this.producer
      .scheduleSlaSweep()
      .catch((error: Error) =>
        this.logger.warn({ message: 'sla sweep not rescheduled', error: error.message }),
      );
  };

  async beforeApplicationShutdown(): Promise<void> {
    this.redis.off('ready', this.reschedule);
    await this.worker?.close();
  }
}
