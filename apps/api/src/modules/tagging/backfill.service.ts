import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConversationRepository, DATA_SOURCE } from '@parley/db';
import type { DataSource } from 'typeorm';
import { TaggingService } from './tagging.service';

export type BackfillProgress = { done: number; total: number };
type Page = { id: string; contentVersion: number }[];
const PAGE = 200;

/**
 * Re-tags after a rule change, page by page, reporting progress as it goes: first every conversation whose live
 * opportunity rests on a rule no longer in force as it was (however old, so a disabled rule's conversations leave
 * the inbox within seconds), then every conversation active since `since` that was there when it began.
 */
@Injectable()
export class BackfillService {
  private readonly logger = new Logger(BackfillService.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly tagging: TaggingService,
  ) {}

  async run(since: Date, report: (progress: BackfillProgress) => Promise<void>): Promise<BackfillProgress> {
    // Conversations arriving from now on are tagged by the changed rules; re-tagging them as well doubled tagging
    // on a busy firehose (the ingest benchmark tagged every conversation twice).
    const window = { since, throughId: await this.conversations.newestId(this.dataSource) };
    const total =
      (await this.conversations.countStale(this.dataSource)) +
      (await this.conversations.countActiveSince(this.dataSource, since, window.throughId));
    const progress = { done: 0, total };
    await report(progress);
    await this.pages(progress, report, (afterId) =>
      this.conversations.bumpStalePage(this.dataSource, afterId, PAGE),
    );
    await this.pages(progress, report, (afterId) =>
      this.conversations.bumpActivePage(this.dataSource, window, afterId, PAGE),
    );
    this.logger.log({
      message: 'backfill finished',
      since: since.toISOString(),
      conversations: progress.done,
    });
    return { done: progress.done, total: Math.max(progress.total, progress.done) };
  }

  private async pages(
    progress: BackfillProgress,
    report: (progress: BackfillProgress) => Promise<void>,
    next: (afterId: string) => Promise<Page>,
  ): Promise<void> {
    for (let afterId = '0'; ;) {
      const page = await next(afterId);
      if (page.length === 0) return;
      await this.tagging.tagMany(page.map((c) => c.id));
      progress.done += page.length;
      afterId = page[page.length - 1].id;
      await report({
        done: Math.min(progress.done, progress.total),
        total: Math.max(progress.total, progress.done),
      });
    }
  }
}
