import { Inject, Injectable, Logger } from '@nestjs/common';
import { DATA_SOURCE, SourceRepository } from '@parley/db';
import { JobProducer, schedulerIdOf } from '@parley/jobs';
import type { DataSource } from 'typeorm';

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
    const existing = new Set(await this.producer.scheduleIds());
    const polled = sources.filter((s) => s.enabled && s.type !== 'bluesky');
    const wanted = new Set(polled.map((s) => schedulerIdOf(s.id)));
    for (const source of polled) await this.producer.upsertSchedule(source.id, source.intervalMs);
    const stale = [...existing].filter((id) => !wanted.has(id));
    for (const id of stale) await this.producer.removeSchedule(id);
    // A new scheduler runs at once by itself; a changed source whose scheduler already existed is fetched now.
    const changed = polled.filter(
      (s) => changedSourceIds.includes(s.id) && existing.has(schedulerIdOf(s.id)),
    );
    for (const source of changed) {
      await this.producer.fetchNow(source.id, `changed-${source.updatedAt.getTime()}`);
    }
    this.logger.log({
      message: 'schedules synced',
      scheduled: wanted.size,
      removed: stale.length,
      fetchedNow: changed.length,
    });
  }
}
