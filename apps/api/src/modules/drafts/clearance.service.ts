import { Inject, Injectable } from '@nestjs/common';
import type { ClearanceItem, DraftReviewRequest, DraftSubmit } from '@parley/contracts';
import { DATA_SOURCE, DraftRepository, iso, type Queryable } from '@parley/db';
import {
  approvalState,
  approvalsNeeded,
  DomainError,
  REVIEW_ROLES,
  reviewRefusal,
  type ReviewRole,
  type Role,
} from '@parley/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import type { AuthContext } from '../auth/auth-context';
import { reviewRecords, type DraftSubject } from './draft-subject';
import { checkDraftVersion } from './drafts.service';
import { ElectionPeriodsService } from '../propriety/election-periods.service';

const NOT_A_REVIEWER = 'Only policy officials, comms officers and managers of the department review drafts.';

const isReviewRole = (role: Role | null): role is ReviewRole =>
  role !== null && (REVIEW_ROLES as readonly string[]).includes(role);

const roleIn = (auth: AuthContext, departmentId: string): Role | null =>
  auth.memberships.find((m) => m.departmentId === departmentId)?.role ?? null;

/** What a review did to the submission. */
export type ReviewOutcome = 'waiting' | 'approved' | 'changes-requested';

/** Submitting drafts for clearance, reviewing them, and the queue of drafts waiting for a reviewer. */
@Injectable()
export class ClearanceService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly access: DepartmentAccess,
    private readonly elections: ElectionPeriodsService,
  ) {}

  /** Opens a submission of the latest version, in the caller's transaction (the opportunity is locked). */
  async submitIn(
    tx: EntityManager,
    auth: AuthContext,
    subject: DraftSubject,
    request: DraftSubmit,
  ): Promise<number> {
    const draft = await this.drafts.findForUpdate(tx, subject.id);
    checkDraftVersion(request.expectedVersion, draft?.version ?? 0);
    if (!draft || draft.version === 0) {
      throw new DomainError('conflict', 'Save the draft before submitting it for clearance.');
    }
    const latest = await this.drafts.latestClearance(tx, draft.id);
    if (latest && latest.closedAt === null) {
      throw new DomainError(
        'conflict',
        `Version ${latest.draftVersion} of this draft is already waiting for clearance.`,
      );
    }
    await this.drafts.insertClearance(tx, {
      draftId: draft.id,
      version: draft.version,
      submittedBy: auth.userId,
    });
    return draft.version;
  }

  /**
   * The coarse check, before the draft is looked up (as the guard does for a permission): someone who reviews
   * in no department is told so, rather than that a draft elsewhere does not exist.
   */
  assertReviewsSomewhere(auth: AuthContext): void {
    if (!auth.memberships.some((m) => isReviewRole(m.role)))
      throw new DomainError('forbidden', NOT_A_REVIEWER);
  }

  /** Whether the caller reviews drafts in this department; checked before anything else is read. */
  assertReviewer(auth: AuthContext, subject: DraftSubject): ReviewRole {
    const role = roleIn(auth, subject.departmentId);
    if (!isReviewRole(role)) throw new DomainError('forbidden', NOT_A_REVIEWER);
    return role;
  }

  /**
   * What a review would do: the checks (the author is refused, with why) and the outcome, read from `q`. The flow
   * reads it first to choose the workflow action, then `reviewIn` reads it again under the opportunity's lock.
   */
  async decide(q: Queryable, auth: AuthContext, subject: DraftSubject, request: DraftReviewRequest) {
    const role = this.assertReviewer(auth, subject);
    const draft = await this.drafts.find(q, subject.id);
    checkDraftVersion(request.expectedVersion, draft?.version ?? 0);
    const submission = draft ? await this.drafts.latestClearance(q, draft.id) : undefined;
    const authors = draft ? (await this.drafts.authors(q, draft.id)).map((a) => a.id) : [];
    const refusal = reviewRefusal({
      reviewerId: auth.userId,
      role,
      decision: request.decision,
      authors,
      inClearance: submission !== undefined && submission.closedAt === null,
    });
    if (refusal || !draft || !submission) {
      const message = refusal ?? 'This draft is not waiting for clearance.';
      throw new DomainError(authors.includes(auth.userId) ? 'forbidden' : 'conflict', message);
    }
    const reviews = [
      ...reviewRecords(await this.drafts.reviews(q, submission.id)),
      { reviewerId: auth.userId, role, decision: request.decision },
    ];
    const needed = approvalsNeeded((await this.elections.current()) !== null);
    const outcome: ReviewOutcome =
      request.decision === 'request-changes'
        ? 'changes-requested'
        : approvalState(needed, reviews, authors).complete
          ? 'approved'
          : 'waiting';
    return { role, draft, submission, outcome, authorId: submission.submittedById };
  }

  /** Records the review and closes the submission when it is decided: changes requested, or fully approved. */
  async reviewIn(
    tx: EntityManager,
    auth: AuthContext,
    subject: DraftSubject,
    request: DraftReviewRequest,
  ): Promise<ReviewOutcome> {
    const { role, draft, submission, outcome } = await this.decide(tx, auth, subject, request);
    await this.drafts.insertReview(tx, {
      clearanceId: submission.id,
      version: draft.version,
      reviewerId: auth.userId,
      role,
      decision: request.decision,
      comment: request.comment,
    });
    if (outcome !== 'waiting') await this.drafts.closeClearance(tx, submission.id, outcome);
    return outcome;
  }

  /**
   * Drafts of a department waiting for the caller, oldest submission first: those still missing an approval of
   * the caller's role that they did not write. A workspace administrator sees every waiting draft.
   */
  async queue(auth: AuthContext, departmentKey: string): Promise<ClearanceItem[]> {
    if (!auth.workspaceAdmin) this.assertReviewsSomewhere(auth);
    const department = await this.access.resolve(auth, departmentKey);
    const role = roleIn(auth, department.id);
    if (!auth.workspaceAdmin && !isReviewRole(role)) throw new DomainError('forbidden', NOT_A_REVIEWER);
    const needed = approvalsNeeded((await this.elections.current()) !== null);
    const now = Date.now();
    const rows = await this.drafts.waiting(this.dataSource, department.id);
    const items = await Promise.all(
      rows.map(async (row) => {
        const [reviews, authors] = await Promise.all([
          this.drafts.reviews(this.dataSource, row.clearanceId),
          this.drafts.authors(this.dataSource, row.draftId),
        ]);
        const authorIds = authors.map((a) => a.id);
        const { missing } = approvalState(needed, reviewRecords(reviews), authorIds);
        const forCaller =
          auth.workspaceAdmin ||
          (isReviewRole(role) && missing.includes(role) && !authorIds.includes(auth.userId));
        return forCaller
          ? [
              {
                opportunityId: row.opportunityId,
                conversationId: row.conversationId,
                title: row.title,
                version: row.draftVersion,
                author: row.authorId ? { id: row.authorId, name: row.authorName ?? 'Someone' } : null,
                submittedAt: iso(row.submittedAt) as string,
                waitingSeconds: Math.max(0, Math.floor((now - row.submittedAt.getTime()) / 1000)),
                missing,
              },
            ]
          : [];
      }),
    );
    return items.flat();
  }
}
