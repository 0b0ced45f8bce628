import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ConversationRepository, DATA_SOURCE, TaggingRepository } from '@parley/db';
import { TIME_SIGNALS_SETTLE_MS, refreshTimeSignals } from '@parley/tagging';
import type { DataSource } from 'typeorm';

const EVERY_MS = 60_000;
const BATCH = 500;
/** At most this many batches a tick; the rest wait for the next one. */
const MAX_BATCHES = 20;
/** After an outage longer than this, threads that went quiet meanwhile keep the signals they were last given. */
const HORIZON_MS = 7 * 24 * 3_600_000;

/**
 * Re-scores live opportunities as time passes: the inbox works recency and velocity out when it is read, and this
 * keeps the stored score (which orders the inbox and meets its threshold) in step within about a minute.
 */
@Injectable()
export class TimeSignalsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimeSignalsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly tagging: TaggingRepository,
    private readonly conversations: ConversationRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refreshSafely(), EVERY_MS);
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Re-scores, a batch at a time, every opportunity whose time-dependent signals may have changed by `now`. */
  async refresh(now = new Date()): Promise<number> {
    const window = {
      before: new Date(now.getTime() - EVERY_MS),
      settleMs: TIME_SIGNALS_SETTLE_MS,
      horizon: new Date(now.getTime() - HORIZON_MS),
    };
    // One read of the stalest opportunities for the whole tick: finding them joins every recently active thread,
    // so reading them once rather than once per batch keeps a burst of new conversations from paying it 20 times.
    const stale = await this.tagging.staleSignals(this.dataSource, window, BATCH * MAX_BATCHES);
    for (let start = 0; start < stale.length; start += BATCH) {
      const batch = stale.slice(start, start + BATCH);
      const times = new Map(
        (
          await this.conversations.publicPostTimes(
            this.dataSource,
            batch.map((s) => s.conversationId),
          )
        ).map((r) => [r.conversationId, r.times]),
      );
      const rescores = batch.map((o) => ({
        id: o.id,
        taggedAt: o.taggedAt,
        ...refreshTimeSignals(o.signals, times.get(o.conversationId) ?? [], now),
      }));
      // An opportunity tagged again since the read keeps its newer signals (rescore checks taggedAt).
      await this.tagging.rescore(this.dataSource, rescores, now);
    }
    return stale.length;
  }

  private async refreshSafely(): Promise<void> {
    try {
      const rescored = await this.refresh();
      if (rescored > 0) this.logger.debug({ message: 'time signals refreshed', opportunities: rescored });
    } catch (error) {
      this.logger.warn({ message: 'time signal refresh failed', error: (error as Error).message });
    }
  }
}
