import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { BackfillState } from '@parley/contracts';
import { BackfillRequestRepository, DATA_SOURCE, type BackfillRequestRow, type Queryable } from '@parley/db';
import { isRedisUnavailable, JobProducer, REDIS } from '@parley/jobs';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/** How far back a rule change re-tags (and a preview looks by default). */
export const RETAG_WINDOW_MS = 30 * 86_400_000;
/** A backstop for a relay missed on reconnect (another replica's request, a Postgres blip at that moment). */
const RELAY_EVERY_MS = 30_000;
const RELAY_BATCH = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BackfillStatus = {
  state: string;
  progress: unknown;
  failedReason: string | null;
  departmentIds: string[] | null;
};

/**
 * Re-tagging through an outbox: a rule change records its re-tag in Postgres in its own transaction, and the job
 * is added to the queue after commit, or, when Redis is away then, as soon as Redis answers again (on reconnect,
 * at boot and every RELAY_EVERY_MS). The job's id is the request's, so handing it over twice adds it once.
 */
@Injectable()
export class BackfillOutbox implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BackfillOutbox.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly requests: BackfillRequestRepository,
    private readonly producer: JobProducer,
  ) {}

  /** Records a re-tag of the last 30 days within the change's transaction. */
  record(tx: Queryable, reason: string, departmentIds: string[] | null = null): Promise<BackfillRequestRow> {
    const since = new Date(Date.now() - RETAG_WINDOW_MS);
    return this.requests.insert(tx, { since, reason, departmentIds });
  }

  /** After commit: hands the request to the queue now if Redis answers, or leaves it for the relay. */
  async dispatch(request: BackfillRequestRow): Promise<BackfillState> {
    try {
      await this.enqueue(request);
      return 'queued';
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      this.logger.warn({
        message: 're-tagging waits for Redis',
        backfill: request.id,
        reason: request.reason,
      });
      return 'pending';
    }
  }

  /** A re-tag by id: still waiting for Redis (from Postgres alone), or the queue's job; null when unknown. */
  async status(id: string): Promise<BackfillStatus | null> {
    const request = UUID.test(id) ? await this.requests.find(this.dataSource, id) : undefined;
    if (request && !request.queuedAt) {
      return { state: 'pending', progress: null, failedReason: null, departmentIds: request.departmentIds };
    }
    return this.producer.backfillStatus(id);
  }

  onApplicationBootstrap(): void {
    this.redis.on('ready', this.relay);
    this.timer = setInterval(this.relay, RELAY_EVERY_MS).unref();
    this.relay();
  }

  beforeApplicationShutdown(): void {
    this.redis.off('ready', this.relay);
    if (this.timer) clearInterval(this.timer);
  }

  private readonly relay = (): void => {
    void this.relayPending().catch((error: Error) => {
      if (!isRedisUnavailable(error)) {
        this.logger.warn({ message: 'handing re-tags to the queue failed', error: error.message });
      }
    });
  };

  private async relayPending(): Promise<void> {
    for (const request of await this.requests.unqueued(this.dataSource, RELAY_BATCH)) {
      await this.enqueue(request);
      this.logger.log({ message: 're-tagging queued after Redis came back', backfill: request.id });
    }
  }

  private async enqueue(request: BackfillRequestRow): Promise<void> {
    await this.producer.backfillTags(
      request.id,
      request.since,
      request.reason,
      request.departmentIds ?? undefined,
    );
    await this.requests.markQueued(this.dataSource, request.id);
  }
}
