import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Config } from '@parley/config';
import { QUEUES, type JobName, type JobPayloads } from '@parley/jobs';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONFIG, REDIS } from '../infrastructure.module';
import { FetchSourceHandler } from '../handlers/fetch-source.handler';
import { SyncSchedulesHandler } from '../handlers/sync-schedules.handler';

type IngestJob = { [N in 'FetchSource' | 'SyncSchedules']: Job<JobPayloads[N], void, N> }[
  'FetchSource' | 'SyncSchedules'];

/** Consumes the ingest queue; a job name without a handler fails to compile. */
@Injectable()
export class IngestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestProcessor.name);
  private worker: Worker | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly fetchSource: FetchSourceHandler,
    private readonly syncSchedules: SyncSchedulesHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const worker = new Worker(QUEUES.ingest, (job: Job) => this.process(job as IngestJob), {
      connection: this.redis.duplicate(),
      prefix: this.config.queuePrefix,
      concurrency: this.config.workerConcurrency,
      lockDuration: this.config.jobLockMs,
      stalledInterval: this.config.jobLockMs,
    });
    this.worker = worker;
    // A source's fetch failures are logged by the handler, once per change of the source's health.
    worker.on('failed', (job, error) => {
      if (this.fetchSource.wasReported(error)) return;
      this.logger.warn({
        message: 'job failed',
        job: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        error: error.message,
      });
    });
    worker.on('error', (error) => this.logger.error({ message: 'worker error', error: error.message }));
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

  private async process(job: IngestJob): Promise<void> {
    const name: JobName = job.name;
    switch (job.name) {
      case 'FetchSource':
        return this.fetchSource.handle(job.data.sourceId);
      case 'SyncSchedules':
        return this.syncSchedules.handle(job.data.changedSourceIds);
      default: {
        const unknown: never = job;
        throw new Error(`no handler for job ${name} (${String(unknown)})`);
      }
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.redis.off('ready', this.resync);
    await this.worker?.close();
  }
}
