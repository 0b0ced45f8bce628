import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { JobProducer, REDIS, startScheduledQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { RemindFollowUpsHandler } from '../handlers/remind-follow-ups.handler';
import { SweepSlaHandler } from '../handlers/sweep-sla.handler';

/**
 * Consumes the workflow queue: the SLA sweep every minute and the evaluation follow-up reminders every hour,
 * scheduled by whichever worker boots.
 */
@Injectable()
export class WorkflowProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly producer: JobProducer,
    private readonly sweepSla: SweepSlaHandler,
    private readonly remindFollowUps: RemindFollowUpsHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = await startScheduledQueueWorker(
      'workflow',
      { SweepSla: () => this.sweepSla.handle(), RemindFollowUps: () => this.remindFollowUps.handle() },
      {
        redis: this.redis,
        config: this.config,
        schedule: async () => {
          await this.producer.scheduleSlaSweep();
          await this.producer.scheduleFollowUpReminders();
        },
      },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
