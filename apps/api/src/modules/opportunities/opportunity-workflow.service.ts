import { Inject, Injectable } from '@nestjs/common';
import {
  AuditRepository,
  DATA_SOURCE,
  OpportunityRepository,
  inTransaction,
  type OpportunityPatch,
  type OpportunityRow,
} from '@parley/db';
import {
  DomainError,
  mayInDepartment,
  nextStatus,
  refusalOf,
  type OpportunityStatus,
  type Permission,
  type WorkflowAction,
} from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { actorOf, type AuthContext } from '../auth/auth-context';

/** One row of the opportunity's timeline: what happened (`kind`) and what a reader needs to know about it. */
export type WorkflowEvent = { kind: string; detail?: Record<string, unknown> };

export type ChangeRequest = {
  /** The version the caller's change was made from: a newer one means someone else changed it meanwhile. */
  expectedVersion: number;
  action: WorkflowAction;
  /** What the caller must be allowed to do in the opportunity's department. */
  permission: Permission;
  patch?: OpportunityPatch;
  event: WorkflowEvent;
  /**
   * More writes that belong to the change (a draft, an engagement), in the same transaction, after every check
   * has passed and before the status moves. Throwing here leaves nothing written. What it returns is added to the
   * event's detail (the id of what it made).
   */
  also?: (tx: EntityManager, opportunity: OpportunityRow) => Promise<Record<string, unknown> | void>;
};

/** What a change that does not move the status returns to be recorded: the event, and the caller's own result. */
export type Recorded<T> = { event: WorkflowEvent; result: T };

const notFound = (id: string) => new DomainError('not_found', `No conversation ${id} that you can see.`);

/**
 * The one way an opportunity changes. Each change runs in one transaction: the opportunity is locked, the caller's
 * right checked in its department, a change made from an older version refused (409, nothing written), the status
 * moved only as the transition table allows (409 with the reason otherwise), the version bumped, and the change
 * recorded twice: on the opportunity's timeline (which is also the notifications outbox) and in the audit log.
 */
@Injectable()
export class OpportunityWorkflowService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly opportunities: OpportunityRepository,
    private readonly audit: AuditRepository,
    private readonly access: DepartmentAccess,
  ) {}

  change(auth: AuthContext, opportunityId: string, request: ChangeRequest): Promise<OpportunityRow> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await this.locked(tx, auth, opportunityId, request.permission);
      if (before.version !== request.expectedVersion) throw staleVersion(before, request.expectedVersion);
      const to = nextStatus(before.status as OpportunityStatus, request.action);
      if (!to) {
        const message = refusalOf(before.status as OpportunityStatus, request.action);
        throw new DomainError('conflict', message, [], null, before.version);
      }
      const made = (await request.also?.(tx, before)) ?? {};
      const after = await this.opportunities.applyChange(tx, opportunityId, to, request.patch ?? {});
      const event = { ...request.event, detail: { ...request.event.detail, ...made } };
      await this.record(tx, auth, before, after, `opportunity.${request.action}`, event);
      return after;
    });
  }

  /**
   * For a change that does not move the status (a note, a draft saved): the opportunity is locked and the caller's
   * right checked as for `change`; `work` writes its part and says what to record; the version is bumped.
   */
  inTransaction<T>(
    auth: AuthContext,
    opportunityId: string,
    permission: Permission,
    work: (tx: EntityManager, opportunity: OpportunityRow) => Promise<Recorded<T>>,
  ): Promise<{ result: T; opportunity: OpportunityRow }> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await this.locked(tx, auth, opportunityId, permission);
      const { event, result } = await work(tx, before);
      const after = await this.opportunities.applyChange(tx, opportunityId, before.status, {});
      await this.record(tx, auth, before, after, `opportunity.${event.kind}`, event);
      return { result, opportunity: after };
    });
  }

  /** A department the caller cannot read answers 404, as if the opportunity did not exist; one they only read, 403. */
  private async locked(
    tx: EntityManager,
    auth: AuthContext,
    id: string,
    permission: Permission,
  ): Promise<OpportunityRow> {
    const row = await this.opportunities.lockForChange(tx, id);
    if (!row || !mayInDepartment(auth, row.departmentId, 'department.read')) throw notFound(id);
    this.access.assertAllowed(auth, { id: row.departmentId, name: row.departmentName }, permission);
    return row;
  }

  private async record(
    tx: EntityManager,
    auth: AuthContext,
    before: OpportunityRow,
    after: OpportunityRow,
    action: string,
    event: WorkflowEvent,
  ): Promise<void> {
    const moved = before.status !== after.status;
    await this.opportunities.appendEvent(tx, {
      opportunityId: after.id,
      departmentId: after.departmentId,
      actorUserId: auth.userId,
      kind: event.kind,
      fromStatus: moved ? before.status : null,
      toStatus: moved ? after.status : null,
      detail: event.detail,
    });
    await this.audit.record(tx, actorOf(auth), {
      action,
      entityType: 'opportunity',
      entityId: after.id,
      before: auditView(before),
      after: { ...auditView(after), ...event.detail },
    });
  }
}

const auditView = (o: OpportunityRow) => ({
  status: o.status,
  version: o.version,
  assigneeId: o.assigneeId,
  declineReason: o.declineReason,
  declineNote: o.declineNote,
});

/** A change made from an older version than the one stored: refused, with the version now stored. */
export const staleVersion = (o: OpportunityRow, expected: number): DomainError => {
  const message = `Someone else changed this conversation while you were working on it (your version ${expected}, now ${o.version}): look at what they did, then try again.`;
  return new DomainError('conflict', message, [{ path: 'expectedVersion', message }], null, o.version);
};
