import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import {
  AuditRepository,
  DATA_SOURCE,
  PostRetirement,
  RetentionRepository,
  authorTokenKey,
  inTransaction,
  type Retired,
  type SourcePolicy,
} from '@parley/db';
import { retentionCutoff } from '@parley/domain';
import type { DataSource } from 'typeorm';

/** Posts retired per transaction: one short transaction, whatever the backlog. */
export const RETENTION_BATCH = 500;
/** Transactions per run: a run does at most this many batches and says there is more; the next run carries on. */
export const RETENTION_BATCHES_PER_RUN = 20;
/** Held posts are counted up to this many per source, for the status page. */
const HELD_COUNT_CAP = 10_000;

const ACTOR = { userId: null, label: 'retention' };

export type RetentionRunResult = Retired & { held: number; more: boolean };

/**
 * Retires the public posts past their source's retention period (its own, else the workspace's default), oldest
 * first, in batches of RETENTION_BATCH each committed on its own with its audit entry and the run's counts. Posts a
 * legal hold covers are left. Safe to run twice or at once (a batch locks its posts and skips locked ones) and to
 * crash mid-batch (the batch rolls back and is still due); the run's row records what was done and any error.
 */
@Injectable()
export class ApplyRetentionHandler {
  private readonly logger = new Logger(ApplyRetentionHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly retention: RetentionRepository,
    private readonly retirement: PostRetirement,
    private readonly audit: AuditRepository,
  ) {}

  /** `now`: the instant periods are measured back from (a test moves it). */
  async handle(now = new Date()): Promise<RetentionRunResult> {
    const runId = await this.retention.startRun(this.dataSource, now);
    const result: RetentionRunResult = { pseudonymised: 0, deleted: 0, held: 0, more: false };
    let error: string | null = null;
    try {
      const key = await authorTokenKey(this.dataSource, this.config.secretKey);
      let batches = 0;
      for (const policy of await this.retention.policies(this.dataSource)) {
        const cutoff = retentionCutoff(now, policy.days);
        for (let full = true; full; batches++) {
          if (batches === RETENTION_BATCHES_PER_RUN) {
            result.more = true;
            break;
          }
          const retired = await this.batch(runId, key, policy, cutoff);
          result.pseudonymised += retired.pseudonymised;
          result.deleted += retired.deleted;
          full = retired.pseudonymised + retired.deleted === RETENTION_BATCH;
        }
        result.held += await this.retention.held(this.dataSource, policy.sourceId, cutoff, HELD_COUNT_CAP);
        if (result.more) break;
      }
    } catch (caught) {
      error = (caught as Error).message;
      throw caught;
    } finally {
      await this.retention.finishRun(this.dataSource, runId, { held: result.held, more: result.more, error });
      this.logger.log({ message: 'retention applied', run: runId, ...result, error });
    }
    return result;
  }

  private batch(runId: string, key: string, policy: SourcePolicy, cutoff: Date): Promise<Retired> {
    return inTransaction(this.dataSource, async (tx) => {
      const retired = await this.retirement.retireDue(tx, key, {
        sourceId: policy.sourceId,
        cutoff,
        limit: RETENTION_BATCH,
        action: policy.action,
      });
      if (retired.pseudonymised + retired.deleted === 0) return retired;
      await this.retention.addToRun(tx, runId, retired);
      await this.audit.record(tx, ACTOR, {
        action: 'retention.apply',
        entityType: 'source',
        entityId: policy.sourceId,
        after: {
          source: policy.sourceKey,
          days: policy.days,
          action: policy.action,
          publishedBefore: cutoff.toISOString(),
          ...retired,
        },
      });
      return retired;
    });
  }
}
