import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { AlertRow } from '@parley/db';
import { publishLive, REDIS } from '@parley/jobs';
import type { Redis } from 'ioredis';
import { liveEventOf } from './alert-present';

/**
 * Tells the live streams (`GET /api/events`, event `alert`) that an alert changed, after the change commits. Best
 * effort: with Redis away the change is saved all the same, and an open page sees it when it next refetches.
 */
@Injectable()
export class AlertLive {
  private readonly logger = new Logger(AlertLive.name);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async changed(row: AlertRow, now = new Date()): Promise<void> {
    try {
      await publishLive(this.redis, this.config.queuePrefix, {
        type: 'alert',
        departmentId: row.departmentId,
        event: liveEventOf(row, now),
      });
    } catch (error) {
      this.logger.warn({
        message: 'alert change not sent live',
        alert: row.id,
        error: (error as Error).message,
      });
    }
  }
}
