import { Inject, Injectable } from '@nestjs/common';
import type {
  AssignRequest,
  BulkRequest,
  BulkResult,
  DeclineRequest,
  NoteRequest,
  Opportunity,
  ReferralOutcomeRequest,
  ReopenRequest,
  VersionOnly,
} from '@parley/contracts';
import { DATA_SOURCE, OpportunityRepository, type OpportunityRow } from '@parley/db';
import { DomainError, isDomainError, mentionsIn, roleAllows, type Role } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { OpportunityReadsService } from './opportunity-reads.service';
import { OpportunityWorkflowService, staleVersion } from './opportunity-workflow.service';

/** The HTTP status a refused bulk item alone would have had. */
const STATUS_OF_CODE: Record<string, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Assigning, declining, reopening and notes: each one change through the workflow, checked and recorded there. */
@Injectable()
export class OpportunityActionsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly opportunities: OpportunityRepository,
    private readonly workflow: OpportunityWorkflowService,
    private readonly reads: OpportunityReadsService,
    private readonly access: DepartmentAccess,
  ) {}

  async assign(auth: AuthContext, id: string, request: AssignRequest): Promise<Opportunity> {
    return this.reads.present(auth, await this.assigned(auth, id, request));
  }

  async unassign(auth: AuthContext, id: string, request: VersionOnly): Promise<Opportunity> {
    const row = await this.workflow.change(auth, id, {
      expectedVersion: request.expectedVersion,
      action: 'unassign',
      permission: 'conversation.act',
      patch: { assigneeId: null },
      event: { kind: 'unassigned' },
    });
    return this.reads.present(auth, row);
  }

  async decline(auth: AuthContext, id: string, request: DeclineRequest): Promise<Opportunity> {
    return this.reads.present(auth, await this.declined(auth, id, request));
  }

  /** Back to new and nobody's, as if it had just arrived; the decline stays in the timeline, not on it. */
  async reopen(auth: AuthContext, id: string, request: ReopenRequest): Promise<Opportunity> {
    const row = await this.workflow.change(auth, id, {
      expectedVersion: request.expectedVersion,
      action: 'reopen',
      permission: 'conversation.act',
      patch: { assigneeId: null, declineReason: null, declineNote: null },
      event: { kind: 'reopened', detail: { note: request.note || null } },
    });
    return this.reads.present(auth, row);
  }

  /** What came back from the press office or the other department, while it is still referred. */
  async recordReferralOutcome(
    auth: AuthContext,
    id: string,
    request: ReferralOutcomeRequest,
  ): Promise<Opportunity> {
    const { opportunity } = await this.workflow.inTransaction(
      auth,
      id,
      'conversation.act',
      async (_tx, o) => {
        if (o.version !== request.expectedVersion) throw staleVersion(o, request.expectedVersion);
        if (o.status !== 'referred') {
          const message = 'This conversation is not referred, so there is no referral outcome to record.';
          throw new DomainError('conflict', message, [], null, o.version);
        }
        return { event: { kind: 'referral-outcome', detail: { outcome: request.outcome } }, result: null };
      },
    );
    return this.reads.present(auth, opportunity);
  }

  /** A note for colleagues; members @mentioned by email are named in the event (by id), so they are told. */
  async addNote(auth: AuthContext, id: string, request: NoteRequest): Promise<Opportunity> {
    const { opportunity } = await this.workflow.inTransaction(auth, id, 'conversation.act', async (tx, o) => {
      const mentions = await this.mentioned(tx, o, mentionsIn(request.text));
      return { event: { kind: 'note', detail: { text: request.text, mentions } }, result: null };
    });
    return this.reads.present(auth, opportunity);
  }

  /** Each item is changed (or refused) on its own, so one that someone else changed meanwhile spoils no other. */
  async bulk(auth: AuthContext, request: BulkRequest): Promise<BulkResult> {
    const department = await this.access.resolve(auth, request.department, 'conversation.act');
    const results: BulkResult['results'] = [];
    for (const item of request.items) {
      try {
        const row = await this.opportunities.find(this.dataSource, item.id);
        if (!row || row.departmentId !== department.id) {
          throw new DomainError('not_found', `No conversation ${item.id} in ${department.name}.`);
        }
        const { expectedVersion } = item;
        const changed =
          request.action === 'assign'
            ? await this.assigned(auth, item.id, { expectedVersion, assigneeId: request.assigneeId ?? 'me' })
            : await this.declined(auth, item.id, {
                expectedVersion,
                reason: request.reason ?? 'other',
                note: request.note,
              });
        results.push({ id: item.id, status: 200, version: changed.version, message: null });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const status = STATUS_OF_CODE[error.code] ?? 400;
        results.push({ id: item.id, status, version: null, message: error.message });
      }
    }
    return { results };
  }

  private assigned(auth: AuthContext, id: string, request: AssignRequest): Promise<OpportunityRow> {
    const assigneeId = request.assigneeId === 'me' ? auth.userId : request.assigneeId;
    return this.workflow.change(auth, id, {
      expectedVersion: request.expectedVersion,
      action: 'assign',
      permission: 'conversation.act',
      patch: { assigneeId },
      event: { kind: 'assigned', detail: { assigneeId } },
      also: (tx, opportunity) => this.assertMayAct(tx, opportunity, assigneeId),
    });
  }

  private declined(auth: AuthContext, id: string, request: DeclineRequest): Promise<OpportunityRow> {
    const note = request.note || null;
    return this.workflow.change(auth, id, {
      expectedVersion: request.expectedVersion,
      action: 'decline',
      permission: 'conversation.act',
      patch: { declineReason: request.reason, declineNote: note },
      event: { kind: 'declined', detail: { reason: request.reason, note } },
    });
  }

  /** The assignee must be someone who can work on conversations in this department. */
  private async assertMayAct(tx: EntityManager, o: OpportunityRow, userId: string): Promise<void> {
    const [member] = await this.opportunities.membersById(tx, o.departmentId, [userId]);
    const role = member?.role as Role | null | undefined;
    if (member?.workspaceAdmin || (role && roleAllows(role, 'conversation.act'))) return;
    const message = `Only a member of ${o.departmentName} who works on conversations can be assigned it.`;
    throw new DomainError('invalid', message, [{ path: 'assigneeId', message }]);
  }

  /** Someone who cannot read the department would be told of a note they cannot open: refused, with who. */
  private async mentioned(tx: EntityManager, o: OpportunityRow, emails: string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const members = await this.opportunities.membersByEmail(tx, o.departmentId, emails);
    const unknown = emails.filter((e) => !members.some((m) => m.email.toLowerCase() === e));
    if (unknown.length > 0) {
      const message = `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a member of ${o.departmentName}, so could not read the note: check the address.`;
      throw new DomainError('invalid', message, [{ path: 'text', message }]);
    }
    return members.map((m) => m.id);
  }
}
