import { Inject, Injectable } from '@nestjs/common';
import type {
  ResistCase,
  ResistCaseFields,
  ResistCaseList,
  ResistCaseListQuery,
  ResistCasePatch,
} from '@parley/contracts';
import {
  AlertRepository,
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  type Queryable,
  type ResistCaseRow,
  type ResistCaseWrite,
} from '@parley/db';
import { DomainError, mayInDepartment, type Problem } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseId } from '../../common/parse-id';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { presentCase } from './alert-present';
import { AlertsService } from './alerts.service';
import { prefillCase } from './resist-case-prefill';

const NOT_FOUND = 'No case with that id that you can see.';
const LIST_MAX = 200;

const fieldsOf = (row: ResistCaseRow): ResistCaseWrite => ({
  title: row.title,
  recognise: row.recognise,
  earlyWarning: row.earlyWarning,
  situationalInsight: row.situationalInsight,
  impactLikelihood: row.impactLikelihood,
  impactSeverity: row.impactSeverity,
  impactAnalysis: row.impactAnalysis,
  strategicCommunication: row.strategicCommunication,
  trackOutcomes: row.trackOutcomes,
  conversationIds: row.conversationIds,
  objectiveIds: row.objectiveIds,
  lessonIds: row.lessonIds,
});

/** RESIST 2 cases opened from alerts: read with the department, worked on by those who act in it. */
@Injectable()
export class ResistCasesService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly alerts: AlertRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
    private readonly alertAccess: AlertsService,
  ) {}

  /** Opens the alert's case, prefilled from its explanation; an alert has one case, so a second call returns it. */
  async open(auth: AuthContext, rawAlertId: string): Promise<{ created: boolean; case: ResistCase }> {
    const alert = await this.alertAccess.readable(auth, rawAlertId, 'conversation.act');
    const outcome = await inTransaction(this.dataSource, async (tx) => {
      const existing = await this.alerts.caseOfAlert(tx, alert.id);
      if (existing) return { created: false, row: existing };
      const fields = prefillCase(alert);
      // Posts of conversations the department has no opportunity in (another department's) are not linked.
      const foreign = await this.alerts.foreignLinks(tx, alert.departmentId, fields);
      fields.conversationIds = fields.conversationIds.filter((id) => !foreign.conversationIds.includes(id));
      const id = await this.alerts.insertCase(
        tx,
        { departmentId: alert.departmentId, alertId: alert.id, by: auth.userId },
        fields,
      );
      // Null: someone opened it a moment ago; theirs is the case.
      if (!id) return { created: false, row: (await this.alerts.caseOfAlert(tx, alert.id)) as ResistCaseRow };
      const row = (await this.alerts.findCase(tx, id)) as ResistCaseRow;
      await this.audit.record(tx, actorOf(auth), {
        action: 'resist-case.create',
        entityType: 'resist_case',
        entityId: id,
        departmentId: alert.departmentId,
        after: { department: alert.departmentKey, alertId: alert.id, ...fields },
      });
      return { created: true, row };
    });
    return { created: outcome.created, case: presentCase(outcome.row) };
  }

  async list(auth: AuthContext, query: ResistCaseListQuery): Promise<ResistCaseList> {
    const departmentIds = query.department
      ? [(await this.access.resolve(auth, query.department)).id]
      : this.access.allowedIds(auth);
    const rows = await this.alerts.casesOf(this.dataSource, departmentIds, LIST_MAX);
    return { items: rows.filter((r) => !query.status || r.status === query.status).map(presentCase) };
  }

  async get(auth: AuthContext, rawId: string): Promise<ResistCase> {
    return presentCase(await this.readable(this.dataSource, auth, rawId));
  }

  async change(auth: AuthContext, rawId: string, patch: ResistCasePatch): Promise<ResistCase> {
    const row = await inTransaction(this.dataSource, async (tx) => {
      const before = await this.readable(tx, auth, rawId, true);
      this.access.assertAllowed(
        auth,
        { id: before.departmentId, name: before.departmentName },
        'conversation.act',
      );
      const { status = before.status, ...fields } = patch;
      const after: ResistCaseWrite = { ...fieldsOf(before), ...(fields as Partial<ResistCaseFields>) };
      await this.assertOwnLinks(tx, before.departmentId, after);
      await this.alerts.updateCase(tx, before.id, after, status);
      const action = status === before.status ? 'update' : status === 'closed' ? 'close' : 'reopen';
      await this.audit.record(tx, actorOf(auth), {
        action: `resist-case.${action}`,
        entityType: 'resist_case',
        entityId: before.id,
        departmentId: before.departmentId,
        before: { department: before.departmentKey, status: before.status, ...fieldsOf(before) },
        after: { department: before.departmentKey, status, ...after },
      });
      return (await this.alerts.findCase(tx, before.id)) as ResistCaseRow;
    });
    return presentCase(row);
  }

  private async readable(
    q: Queryable,
    auth: AuthContext,
    rawId: string,
    lock = false,
  ): Promise<ResistCaseRow> {
    const row = await this.alerts.findCase(q, parseId(rawId, NOT_FOUND), lock);
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read'))
      throw new DomainError('not_found', NOT_FOUND);
    return row;
  }

  /** A case links only its own department's conversations, objectives and lessons. */
  private async assertOwnLinks(q: Queryable, departmentId: string, w: ResistCaseWrite): Promise<void> {
    const foreign = await this.alerts.foreignLinks(q, departmentId, w);
    const problems: Problem[] = [
      ...foreign.conversationIds.map((id) => ({
        path: 'conversationIds',
        message: `conversation ${id} is not one of this department's`,
      })),
      ...foreign.objectiveIds.map((id) => ({
        path: 'objectiveIds',
        message: `objective ${id} is not one of this department's`,
      })),
      ...foreign.lessonIds.map((id) => ({
        path: 'lessonIds',
        message: `lesson ${id} is not one of this department's`,
      })),
    ];
    if (problems.length)
      throw new DomainError(
        'invalid',
        'A case can link only its own department’s conversations, objectives and lessons; nothing was changed.',
        problems,
      );
  }
}
