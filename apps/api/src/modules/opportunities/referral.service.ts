import { Inject, Injectable } from '@nestjs/common';
import type { Opportunity, ReferRequest } from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  OpportunityRepository,
  WorkspaceRepository,
  type DepartmentRow,
  type OpportunityRow,
} from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, type AuthContext } from '../auth/auth-context';
import { OpportunityReadsService } from './opportunity-reads.service';
import { OpportunityWorkflowService } from './opportunity-workflow.service';

/**
 * Referral: to the press office (announcements are theirs to make), or to the department whose remit it is. A
 * department referred to gets the conversation in its inbox as an opportunity of its own, with the note and where
 * it came from, whatever its own rules say; what comes back is recorded on the referring side.
 */
@Injectable()
export class ReferralService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly opportunities: OpportunityRepository,
    private readonly workspace: WorkspaceRepository,
    private readonly audit: AuditRepository,
    private readonly workflow: OpportunityWorkflowService,
    private readonly reads: OpportunityReadsService,
  ) {}

  async refer(auth: AuthContext, id: string, request: ReferRequest): Promise<Opportunity> {
    const target = request.to === 'department' ? await this.target(request.department as string) : null;
    const row = await this.workflow.change(auth, id, {
      expectedVersion: request.expectedVersion,
      action: 'refer',
      permission: 'conversation.act',
      event: {
        kind: 'referred',
        detail: {
          to: request.to,
          note: request.note,
          ...(target ? { department: target.key, departmentName: target.name } : {}),
        },
      },
      also: target ? (tx, from) => this.handOver(tx, auth, from, target, request.note) : undefined,
    });
    return this.reads.present(auth, row);
  }

  /** Any department of the workspace can be referred to: the caller need not be a member there. */
  private async target(key: string): Promise<DepartmentRow> {
    const department = (await this.workspace.allDepartments(this.dataSource)).find((d) => d.key === key);
    if (!department) {
      const message = `There is no department "${key}" to refer it to.`;
      throw new DomainError('invalid', message, [{ path: 'department', message }]);
    }
    return department;
  }

  private async handOver(
    tx: EntityManager,
    auth: AuthContext,
    from: OpportunityRow,
    target: DepartmentRow,
    note: string,
  ): Promise<Record<string, unknown>> {
    if (target.id === from.departmentId) {
      const message = `It is already ${from.departmentName}'s: refer it to another department.`;
      throw new DomainError('invalid', message, [{ path: 'department', message }]);
    }
    const received = await this.opportunities.receiveReferral(tx, from.id, target.id);
    const detail = {
      fromOpportunityId: from.id,
      fromDepartment: from.department,
      fromDepartmentName: from.departmentName,
      note,
    };
    await this.opportunities.appendEvent(tx, {
      opportunityId: received.id,
      departmentId: target.id,
      actorUserId: auth.userId,
      kind: 'referred-in',
      fromStatus: received.previousStatus === received.status ? null : received.previousStatus,
      toStatus: received.previousStatus === received.status ? null : received.status,
      detail,
    });
    await this.audit.record(tx, actorOf(auth), {
      action: 'opportunity.referred-in',
      entityType: 'opportunity',
      entityId: received.id,
      after: { status: received.status, ...detail },
    });
    return { referralOpportunityId: received.id };
  }
}
