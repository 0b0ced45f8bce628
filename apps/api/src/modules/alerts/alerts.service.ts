import { Inject, Injectable } from '@nestjs/common';
import {
  alertSeriesSchema,
  type Alert,
  type AlertAction,
  type AlertList,
  type AlertListQuery,
  type AlertSeries,
} from '@parley/contracts';
import {
  AlertRepository,
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  iso,
  type AlertChange,
  type AlertRow,
} from '@parley/db';
import { DomainError, mayInDepartment, nextAlertStatus, type Permission } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { AlertLive } from './alert-live.service';
import { presentAlert } from './alert-present';

const NOT_FOUND = 'No alert with that id that you can see.';

/** Keyset cursor: the last alert of a page, as `started_at` and id. */
const cursorOf = (row: AlertRow): string =>
  Buffer.from(JSON.stringify([row.startedAt.toISOString(), row.id])).toString('base64url');
const afterOf = (cursor: string | undefined): { startedAt: Date; id: string } | null => {
  if (!cursor) return null;
  try {
    const [startedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(startedAt);
    if (Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error('bad cursor');
    return { startedAt: at, id };
  } catch {
    throw new DomainError(
      'invalid',
      'That cursor is not one this list gave: start again from the first page.',
      [{ path: 'cursor', message: 'use the nextCursor of an earlier page' }],
    );
  }
};

/** What the audit log keeps of an alert's handling. */
const handling = (row: AlertRow) => ({
  department: row.departmentKey,
  status: row.status,
  assigneeId: row.assigneeId,
  snoozedUntil: iso(row.snoozedUntil),
  outcome: row.outcome,
});

/** Reading and handling alerts: only in departments the caller may read; acting needs conversation.act there. */
@Injectable()
export class AlertsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
    private readonly live: AlertLive,
  ) {}

  async list(auth: AuthContext, query: AlertListQuery): Promise<AlertList> {
    const departmentIds = query.department
      ? [(await this.access.resolve(auth, query.department)).id]
      : this.access.allowedIds(auth);
    const now = new Date();
    const rows = await this.alerts.list(this.dataSource, {
      departmentIds,
      status: query.status ?? null,
      kind: query.kind ?? null,
      from: query.from ? new Date(query.from) : null,
      to: query.to ? new Date(query.to) : null,
      after: afterOf(query.cursor),
      limit: query.limit + 1,
      now,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => presentAlert(row, now)),
      nextCursor: rows.length > query.limit ? cursorOf(page[page.length - 1]) : null,
      openCount: await this.alerts.openCount(this.dataSource, departmentIds, now),
    };
  }

  async get(auth: AuthContext, rawId: string): Promise<Alert> {
    return presentAlert(await this.readable(auth, rawId), new Date());
  }

  async series(auth: AuthContext, rawId: string): Promise<AlertSeries> {
    const row = await this.readable(auth, rawId);
    const stored = await this.alerts.series(this.dataSource, row.id);
    const parsed = alertSeriesSchema.safeParse(stored);
    // A snapshot a detector wrote in another shape reads as an empty series rather than failing the page.
    return parsed.success ? parsed.data : { unit: 'mentions per hour', points: [] };
  }

  async act(auth: AuthContext, rawId: string, action: AlertAction): Promise<Alert> {
    const found = await this.readable(auth, rawId, 'conversation.act');
    const now = new Date();
    const after = await inTransaction(this.dataSource, async (tx) => {
      await this.alerts.lock(tx, found.id);
      const before = (await this.alerts.find(tx, found.id)) as AlertRow;
      const change = await this.changeFor(tx, before, action, now);
      await this.alerts.change(tx, before.id, change);
      const changed = (await this.alerts.find(tx, before.id)) as AlertRow;
      await this.audit.record(tx, actorOf(auth), {
        action: `alert.${action.action}`,
        entityType: 'alert',
        entityId: before.id,
        departmentId: before.departmentId,
        before: handling(before),
        after: handling(changed),
      });
      return changed;
    });
    await this.live.changed(after, now);
    return presentAlert(after, now);
  }

  /** The alert, if the caller may read its department (else 404) and do `permission` there (else 403). */
  async readable(
    auth: AuthContext,
    rawId: string,
    permission: Permission = 'department.read',
  ): Promise<AlertRow> {
    const row = await this.alerts.find(this.dataSource, parseId(rawId, NOT_FOUND));
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read'))
      throw new DomainError('not_found', NOT_FOUND);
    this.access.assertAllowed(auth, { id: row.departmentId, name: row.departmentName }, permission);
    return row;
  }

  private async changeFor(
    tx: Parameters<AlertRepository['find']>[0],
    row: AlertRow,
    action: AlertAction,
    now: Date,
  ): Promise<AlertChange> {
    const status = nextAlertStatus(
      row,
      { action: action.action, ...(action.action === 'snooze' ? { until: new Date(action.until) } : {}) },
      now,
    );
    switch (action.action) {
      case 'acknowledge':
        return { status, snoozedUntil: null };
      case 'assign':
        if (!(await this.alerts.isMember(tx, row.departmentId, action.userId)))
          throw new DomainError('invalid', `Assign the alert to a member of ${row.departmentName}.`, [
            { path: 'userId', message: `not a member of ${row.departmentName}` },
          ]);
        return { status, assigneeId: action.userId };
      case 'snooze':
        return { status, snoozedUntil: new Date(action.until) };
      case 'close':
        return { status, closedAt: now, outcome: action.outcome, snoozedUntil: null };
      case 'reopen':
        if (await this.alerts.openTwinOf(tx, row.id))
          throw new DomainError(
            'conflict',
            'A newer alert about the same rise is open: handle that one instead of reopening this.',
          );
        return { status, closedAt: null, outcome: null, undeliver: true };
    }
  }
}
