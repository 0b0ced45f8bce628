import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@parley/config';
import type { RecordsExportQuery } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, RecordsRepository, type DepartmentRow } from '@parley/db';
import type { EngagementRecord } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { RECORDS_WRITERS } from './records-files';

const DAY_MS = 86_400_000;
const PAGE = 200;

export type RecordsFile = { fileName: string; type: string; lines: AsyncIterable<string> };

/**
 * A department's engagements over a period for the records office. Access is checked and the export audited
 * before the first byte, so a refusal is an ordinary error answer; the records are then read a page at a time
 * (keyset on when each was posted) and written as they come, so memory stays flat however long the period.
 */
@Injectable()
export class RecordsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: Config,
    private readonly records: RecordsRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async export(auth: AuthContext, query: RecordsExportQuery): Promise<RecordsFile> {
    const department = await this.access.resolve(auth, query.department, 'records.export');
    const generatedAt = new Date();
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'records.export',
      entityType: 'department',
      entityId: department.id,
      departmentId: department.id,
      after: { department: department.key, from: query.from, to: query.to, format: query.format },
    });
    const writer = RECORDS_WRITERS[query.format];
    const heading = {
      generatedAt: generatedAt.toISOString(),
      generatedBy: { name: auth.name, email: auth.email },
      department: { key: department.key, name: department.name },
      period: { from: query.from, to: query.to },
    };
    return {
      fileName: `parley-records-${department.key}-${query.from}-${query.to}.${writer.extension}`,
      type: writer.type,
      lines: writer.write(heading, this.read(department, query)),
    };
  }

  private async *read(
    department: DepartmentRow,
    query: RecordsExportQuery,
  ): AsyncGenerator<EngagementRecord> {
    const from = new Date(`${query.from}T00:00:00Z`);
    const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS);
    let after: { postedAt: string; id: string } | null = null;
    for (;;) {
      const rows = await this.records.page(this.dataSource, {
        departmentId: department.id,
        from,
        to,
        after,
        limit: PAGE,
      });
      for (const row of rows) {
        const bundleUrl = `${this.config.publicUrl}/api/conversations/${row.conversation.id}/bundle?department=${encodeURIComponent(department.key)}`;
        yield { ...row, conversation: { ...row.conversation, bundleUrl } };
      }
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = { postedAt: last.postedAt, id: last.id };
    }
  }
}
