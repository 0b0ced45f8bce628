import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import { REDIS, startQueueWorker, type QueueWorker } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { FetchSourceHandler } from '../handlers/fetch-source.handler';
import { SyncSchedulesHandler } from '../handlers/sync-schedules.handler';

/** Consumes the ingest queue; a job name without a handler fails to compile. */
@Injectable()
export class IngestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestProcessor.name);
  private worker: QueueWorker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly fetchSource: FetchSourceHandler,
    private readonly syncSchedules: SyncSchedulesHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = startQueueWorker(
      'ingest',
      {
        FetchSource: (job) => this.fetchSource.handle(job.data.sourceId),
        SyncSchedules: (job) => this.syncSchedules.handle(job.data.changedSourceIds),
      },
      { redis: this.redis, config: this.config },
    );
    // Reconcile at boot (sources may have changed while no worker ran) and whenever Redis comes back: a restarted
    // or flushed Redis has lost the schedulers, and Postgres still knows every source.
    await this.syncSchedules.handle([]);
    this.redis.on('ready', this.resync);
  }

  private readonly resync = () => {
    this.syncSchedules
      .handle([])
      .then(() => this.logger.log({ message: 'schedules restored after Redis reconnected' }))
      .catch((error: Error) => this.logger.warn({ message: 'schedule resync failed', error: error.message }));
  };

  async beforeApplicationShutdown(): Promise<void> {
    this.redis.off('ready', this.resync);
    await this.worker?.close();
  }
}
