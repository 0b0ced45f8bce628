import { Inject, Injectable } from '@nestjs/common';
import type { AlertMute, AlertMuteInput, AlertMuteList } from '@parley/contracts';
import {
  AlertRepository,
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  iso,
  type AlertMuteRow,
} from '@parley/db';
import { DomainError, mayInDepartment } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import { actorOf, type AuthContext } from '../auth/auth-context';

const NOT_FOUND = 'No mute with that id that you can see.';
/** A mute longer than a quarter is a rule to change, not a mute. */
const MAX_MUTE_MS = 90 * 24 * 3_600_000;

const present = (row: AlertMuteRow): AlertMute => ({
  id: row.id,
  department: row.departmentKey,
  target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
  until: iso(row.until) as string,
  reason: row.reason,
  createdBy: row.createdBy ?? 'Someone',
  createdAt: iso(row.createdAt) as string,
});

/** Mutes of a department's rules or sources: read by anyone who sees its alerts, set by those who edit its rules. */
@Injectable()
export class AlertMutesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  async list(auth: AuthContext, departmentKey: string | undefined): Promise<AlertMuteList> {
    const departmentIds = departmentKey
      ? [(await this.access.resolve(auth, departmentKey)).id]
      : this.access.allowedIds(auth);
    const rows = await this.alerts.activeMutes(this.dataSource, departmentIds, new Date());
    return { items: rows.map(present) };
  }

  async create(auth: AuthContext, input: AlertMuteInput): Promise<AlertMute> {
    const department = await this.access.resolve(auth, input.department, 'rule.edit');
    const until = new Date(input.until);
    const now = Date.now();
    if (until.getTime() <= now || until.getTime() - now > MAX_MUTE_MS)
      throw new DomainError('invalid', 'Mute until a time in the next 90 days.', [
        {
          path: 'until',
          message: until.getTime() <= now ? 'until is in the past' : 'until is more than 90 days ahead',
        },
      ]);
    const row = await inTransaction(this.dataSource, async (tx) => {
      const label = await this.alerts.muteTargetLabel(tx, department.id, input.target);
      if (label === null)
        throw new DomainError('invalid', `${department.name} has no such ${input.target.type} to mute.`, [
          { path: 'target.id', message: `not a ${input.target.type} of ${department.name}` },
        ]);
      const id = await this.alerts.insertMute(tx, {
        departmentId: department.id,
        targetType: input.target.type,
        targetId: input.target.id,
        until,
        reason: input.reason,
        by: auth.userId,
      });
      const created = (await this.alerts.findMute(tx, id)) as AlertMuteRow;
      await this.audit.record(tx, actorOf(auth), {
        action: 'alert-mute.create',
        entityType: 'alert_mute',
        entityId: id,
        departmentId: department.id,
        after: present(created),
      });
      return created;
    });
    return present(row);
  }

  /** Ends a mute now; its detectors raise alerts again from their next evaluation. */
  async remove(auth: AuthContext, rawId: string): Promise<void> {
    const row = await this.alerts.findMute(this.dataSource, parseId(rawId, NOT_FOUND));
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read'))
      throw new DomainError('not_found', NOT_FOUND);
    this.access.assertAllowed(auth, { id: row.departmentId, name: row.departmentName }, 'rule.edit');
    await inTransaction(this.dataSource, async (tx) => {
      await this.alerts.deleteMute(tx, row.id);
      await this.audit.record(tx, actorOf(auth), {
        action: 'alert-mute.delete',
        entityType: 'alert_mute',
        entityId: row.id,
        departmentId: row.departmentId,
        before: present(row),
      });
    });
  }
}
