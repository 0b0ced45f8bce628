import { Inject, Injectable, Logger } from '@nestjs/common';
import { SourceRepository } from '@parley/db';
import { JobProducer, schedulerIdOf } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../infrastructure.module';

/** Brings the BullMQ schedulers in line with the sources table, and fetches new or changed sources at once. */
@Injectable()
export class SyncSchedulesHandler {
  private readonly logger = new Logger(SyncSchedulesHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly producer: JobProducer,
  ) {}

  async handle(changedSourceIds: string[]): Promise<void> {
    const sources = await this.sources.listForScheduling(this.dataSource);
    const wanted = new Set<string>();
    for (const source of sources.filter((s) => s.enabled && s.type !== 'bluesky')) {
      wanted.add(schedulerIdOf(source.id));
      await this.producer.upsertSchedule(source.id, source.intervalMs);
    }
    const stale = (await this.producer.scheduleIds()).filter((id) => !wanted.has(id));
    for (const id of stale) await this.producer.removeSchedule(id);
    const changed = sources.filter(
      (s) => s.enabled && s.type !== 'bluesky' && changedSourceIds.includes(s.id),
    );
    for (const source of changed)
      await this.producer.fetchNow(source.id, `changed-${source.updatedAt.getTime()}`);
    this.logger.log({
      message: 'schedules synced',
      scheduled: wanted.size,
      removed: stale.length,
      fetchedNow: changed.length,
    });
  }
}
