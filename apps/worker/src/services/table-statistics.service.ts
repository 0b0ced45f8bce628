import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DATA_SOURCE, inTransaction, StatisticsRepository } from '@parley/db';
import type { DataSource } from 'typeorm';

const CHECK_EVERY_MS = 10_000;

/**
 * Postgres plans the ingest and tagging queries from table statistics, which autovacuum keeps fresh. Where it is
 * turned off (some CI and managed set-ups), a post table filled by ingestion has none, and a batch's
 * `conversation_id = ANY(…)` is planned as a scan of every post. So the worker re-analyses, at autovacuum's own
 * thresholds, the growing tables autovacuum does not look after (it is off for the server, or for that table);
 * the tables autovacuum does look after it leaves alone.
 */
@Injectable()
export class TableStatisticsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TableStatisticsService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly statistics: StatisticsRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.refresh().finally(() => (this.running = null));
    }, CHECK_EVERY_MS);
  }

  /** One check: analyses the tables that changed enough since their last ANALYZE. */
  async refresh(): Promise<void> {
    try {
      const stale = await this.statistics.staleTables(this.dataSource);
      if (stale.length === 0) return;
      const done = await inTransaction(this.dataSource, (tx) =>
        this.statistics.analyzeExclusively(tx, stale),
      );
      if (done)
        this.logger.log({ message: 'analysed tables that autovacuum does not look after', tables: stale });
    } catch (error) {
      this.logger.warn({ message: 'table statistics refresh failed', error: (error as Error).message });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
