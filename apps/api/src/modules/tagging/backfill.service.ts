import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConversationRepository, DATA_SOURCE } from '@parley/db';
import type { DataSource } from 'typeorm';
import { TaggingService } from './tagging.service';

export type BackfillProgress = { done: number; total: number };
const PAGE = 200;

/** Re-tags recent conversations page by page after a rule change, reporting progress as it goes. */
@Injectable()
export class BackfillService {
  private readonly logger = new Logger(BackfillService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly tagging: TaggingService,
  ) {}

  async run(since: Date, report: (progress: BackfillProgress) => Promise<void>): Promise<BackfillProgress> {
    const total = await this.conversations.countActiveSince(this.dataSource, since);
    let done = 0;
    let afterId = '0';
    await report({ done, total });
    for (;;) {
      const page = await this.conversations.bumpActivePage(this.dataSource, since, afterId, PAGE);
      if (page.length === 0) break;
      await this.tagging.tagMany(page.map((c) => ({ id: c.id, version: c.contentVersion })));
      done += page.length;
      afterId = page[page.length - 1].id;
      await report({ done: Math.min(done, total), total: Math.max(total, done) });
    }
    this.logger.log({ message: 'backfill finished', since: since.toISOString(), conversations: done });
    return { done, total: Math.max(total, done) };
  }
}
