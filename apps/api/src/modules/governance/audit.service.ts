import { Inject, Injectable } from '@nestjs/common';
import type { AuditEvent, AuditPage, AuditQuery } from '@parley/contracts';
import { AuditRepository, DATA_SOURCE, type AuditLogQuery, type AuditLogRow } from '@parley/db';
import { auditActionLabel, csvRow } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';

const DAY_MS = 86_400_000;
const EXPORT_PAGE = 500;

/** A day means the whole of it: `from` its first moment, `to` up to the next day's. */
const startOf = (value: string | undefined): Date | null => (value ? new Date(value) : null);
const endOf = (value: string | undefined): Date | null => {
  if (!value) return null;
  const at = new Date(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(at.getTime() + DAY_MS) : at;
};

export const auditEventOf = (row: AuditLogRow): AuditEvent => ({
  id: row.id,
  at: row.at.toISOString(),
  actor: { id: row.actorUserId, label: row.actorLabel, name: row.actorName },
  action: row.action,
  description: auditActionLabel(row.action),
  entityType: row.entityType,
  entityId: row.entityId,
  department: row.department,
  before: row.before ?? null,
  after: row.after ?? null,
});

const CSV_HEADER = [
  'When (UTC)',
  'Who',
  'Email',
  'What',
  'Action',
  'Department',
  'Entity',
  'Entity id',
  'Before',
  'After',
];
const csvOf = (e: AuditEvent): string =>
  csvRow([
    e.at,
    e.actor.name,
    e.actor.label,
    e.description,
    e.action,
    e.department,
    e.entityType,
    e.entityId,
    e.before === null ? null : JSON.stringify(e.before),
    e.after === null ? null : JSON.stringify(e.after),
  ]);

/**
 * The audit log as people read it. A workspace administrator reads every event; a department's admins and managers
 * read their department's (an event of the whole workspace, such as a sign-in, belongs to no department).
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async page(auth: AuthContext, query: AuditQuery): Promise<AuditPage> {
    const { filter } = await this.scopeOf(auth, query);
    const rows = await this.audit.page(this.dataSource, { ...filter, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit).map(auditEventOf);
    return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }

  /**
   * The whole filtered log as CSV, a page at a time, so a large export never sits in memory. Access is checked
   * (and the export audited) before the first line, so a refusal is an ordinary error answer.
   */
  async exportCsv(auth: AuthContext, query: AuditQuery): Promise<AsyncIterable<string>> {
    const { filter, departmentId } = await this.scopeOf(auth, query);
    await this.audit.record(this.dataSource, actorOf(auth), {
      action: 'audit.export',
      entityType: 'audit_event',
      entityId: null,
      departmentId,
      after: { filters: { ...query, limit: undefined, cursor: undefined } },
    });
    const { dataSource, audit } = this;
    return (async function* () {
      yield csvRow(CSV_HEADER);
      let beforeId = filter.beforeId;
      for (;;) {
        const rows = await audit.page(dataSource, { ...filter, beforeId, limit: EXPORT_PAGE });
        for (const row of rows) yield csvOf(auditEventOf(row));
        if (rows.length < EXPORT_PAGE) return;
        beforeId = rows[rows.length - 1].id;
      }
    })();
  }

  /** The filter, limited to what the caller may read; `departmentId` is the one department asked for, if any. */
  private async scopeOf(
    auth: AuthContext,
    query: AuditQuery,
  ): Promise<{ filter: Omit<AuditLogQuery, 'limit'>; departmentId: string | null }> {
    const departmentId = query.department
      ? (await this.access.resolve(auth, query.department, 'audit.read')).id
      : null;
    const filter = {
      departmentIds: departmentId ? [departmentId] : this.access.allowedIds(auth, 'audit.read'),
      actor: query.actor ?? null,
      action: query.action ?? null,
      from: startOf(query.from),
      to: endOf(query.to),
      beforeId: query.cursor ?? null,
    };
    return { filter, departmentId };
  }
}
