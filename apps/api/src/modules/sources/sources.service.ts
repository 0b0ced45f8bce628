import { Inject, Injectable } from '@nestjs/common';
import type { SourceWithHealth } from '@parley/contracts';
import { DATA_SOURCE, iso, SourceRepository } from '@parley/db';
import type { SourceType } from '@parley/domain';
import { JobProducer } from '@parley/jobs';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';

const durationOf = (ms: number): string =>
  ms % 3_600_000 === 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0
      ? `${ms / 60_000}m`
      : `${Math.round(ms / 1000)}s`;

/** Sources with their health; a department member sees their department's sources and the shared ones. */
@Injectable()
export class SourcesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly sources: SourceRepository,
    private readonly access: DepartmentAccess,
    private readonly producer: JobProducer,
  ) {}

  async list(auth: AuthContext): Promise<SourceWithHealth[]> {
    const [rows, nextRuns] = await Promise.all([
      this.sources.listWithHealth(this.dataSource, this.access.allowedIds(auth)),
      this.producer.nextRuns(),
    ]);
    return rows.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      type: s.type as SourceType,
      url: s.url,
      interval: durationOf(s.intervalMs),
      enabled: s.enabled,
      department: s.department,
      health: {
        lastFetchAt: iso(s.lastFetchAt),
        lastSuccessAt: iso(s.lastSuccessAt),
        lastError: s.lastError,
        lastWarning: s.lastWarning,
        postCount: s.postCount,
        postsPerDay: Math.round((s.postsLastWeek / 7) * 10) / 10,
        consecutiveFailures: s.consecutiveFailures,
        nextRunAt: s.enabled ? iso(nextRuns.get(s.id)) : null,
      },
    }));
  }
}
