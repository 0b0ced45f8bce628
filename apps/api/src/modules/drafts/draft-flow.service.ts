import { Inject, Injectable } from '@nestjs/common';
import type {
  ClearanceItem,
  Draft,
  DraftDiff,
  DraftOverrideRequest,
  DraftReviewRequest,
  DraftSave,
  DraftSubmit,
  DraftVersion,
} from '@parley/contracts';
import { DATA_SOURCE } from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { OpportunityWorkflowService, staleVersion } from '../opportunities/opportunity-workflow.service';
import { ClearanceService } from './clearance.service';
import { DraftPresenter } from './draft-presenter.service';
import { DraftsService } from './drafts.service';
import { ElectionPeriodsService } from '../propriety/election-periods.service';

/**
 * Each draft change through the opportunity's workflow: one transaction with the opportunity locked, its status
 * moved as the transition table allows, the change on its timeline and in the audit log. A change is planned
 * from the opportunity as read (its version) and refused if that version has moved on by the time it is locked,
 * so the plan (which action; whether this approval completes clearance) always holds.
 */
@Injectable()
export class DraftFlow {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly workflow: OpportunityWorkflowService,
    private readonly drafts: DraftsService,
    private readonly clearance: ClearanceService,
    private readonly presenter: DraftPresenter,
    private readonly elections: ElectionPeriodsService,
  ) {}

  get(auth: AuthContext, id: string): Promise<Draft> {
    return this.drafts.get(auth, id);
  }

  versions(auth: AuthContext, id: string): Promise<DraftVersion[]> {
    return this.drafts.versions(auth, id);
  }

  diff(auth: AuthContext, id: string, from: number, to: number): Promise<DraftDiff> {
    return this.drafts.diff(auth, id, from, to);
  }

  queue(auth: AuthContext, department: string): Promise<ClearanceItem[]> {
    return this.clearance.queue(auth, department);
  }

  /** A save moves new, assigned or approved work to drafting; while it waits for clearance the table refuses it. */
  async save(auth: AuthContext, id: string, request: DraftSave): Promise<Draft> {
    const subject = await this.drafts.subject(auth, id, 'conversation.act');
    await this.workflow.change(auth, subject.id, {
      expectedVersion: subject.version,
      action: 'draft',
      permission: 'conversation.act',
      event: { kind: 'draft-saved' },
      also: (tx) => this.drafts.saveIn(tx, auth, subject, request),
    });
    return this.present(auth, id);
  }

  async override(auth: AuthContext, id: string, request: DraftOverrideRequest): Promise<Draft> {
    const subject = await this.drafts.subject(auth, id, 'conversation.act');
    await this.workflow.inTransaction(auth, subject.id, 'conversation.act', async (tx, opportunity) => {
      if (opportunity.version !== subject.version) throw staleVersion(opportunity, subject.version);
      const detail = await this.drafts.overrideIn(tx, auth, subject, request);
      return { event: { kind: 'draft-override', detail }, result: null };
    });
    return this.present(auth, id);
  }

  async submit(auth: AuthContext, id: string, request: DraftSubmit): Promise<Draft> {
    const subject = await this.drafts.subject(auth, id, 'conversation.act');
    await this.workflow.change(auth, subject.id, {
      expectedVersion: subject.version,
      action: 'submit',
      permission: 'conversation.act',
      event: { kind: 'draft-submitted', detail: { authorId: auth.userId } },
      also: async (tx) => ({ draftVersion: await this.clearance.submitIn(tx, auth, subject, request) }),
    });
    return this.present(auth, id);
  }

  /**
   * An approval that completes clearance approves the opportunity, a request for changes sends it back to
   * drafting, and any other approval is recorded without moving it.
   */
  async review(auth: AuthContext, id: string, request: DraftReviewRequest): Promise<Draft> {
    this.clearance.assertReviewsSomewhere(auth);
    const subject = await this.drafts.subject(auth, id);
    const plan = await this.clearance.decide(this.dataSource, auth, subject, request);
    const detail = {
      draftVersion: plan.draft.version,
      role: plan.role,
      decision: request.decision,
      comment: request.comment,
      outcome: plan.outcome,
      authorId: plan.authorId,
    };
    const record = async (tx: EntityManager) => {
      const outcome = await this.clearance.reviewIn(tx, auth, subject, request);
      // The opportunity's version held, so nobody reviewed in between: the plan is what happened.
      if (outcome !== plan.outcome)
        throw new DomainError('conflict', 'Someone reviewed this draft at the same moment: try again.');
      return detail;
    };
    if (plan.outcome === 'waiting') {
      await this.workflow.inTransaction(auth, subject.id, 'department.read', async (tx, opportunity) => {
        if (opportunity.version !== subject.version) throw staleVersion(opportunity, subject.version);
        return { event: { kind: 'review', detail: await record(tx) }, result: null };
      });
    } else {
      await this.workflow.change(auth, subject.id, {
        expectedVersion: subject.version,
        action: plan.outcome === 'approved' ? 'approve' : 'request-changes',
        permission: 'department.read',
        event: { kind: 'review' },
        also: record,
      });
    }
    return this.present(auth, id);
  }

  private async present(auth: AuthContext, id: string): Promise<Draft> {
    return this.presenter.present(
      await this.drafts.subject(auth, id),
      (await this.elections.current()) !== null,
    );
  }
}
