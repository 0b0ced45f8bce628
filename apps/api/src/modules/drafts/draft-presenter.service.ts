import { Inject, Injectable } from '@nestjs/common';
import type { Draft, DraftVersion } from '@parley/contracts';
import {
  type ClearanceRow,
  DATA_SOURCE,
  DraftRepository,
  type DraftVersionRow,
  iso,
  type Queryable,
  WorkspaceRepository,
} from '@parley/db';
import { approvalState, approvalsNeeded, CLEARANCE_REASON_TEXT, clearanceReasons } from '@parley/domain';
import type { DataSource } from 'typeorm';
import { defaultAccount, reviewRecords, type DraftSubject } from './draft-subject';

/** Someone named in a draft's record; null when their account has gone. */
const personOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'Someone' } : null);

export const versionOf = (row: DraftVersionRow): DraftVersion => ({
  version: row.version,
  text: row.text,
  findings: row.findings,
  overrides: row.overrides.map((o) => ({
    kind: o.kind,
    start: o.start,
    end: o.end,
    text: o.text,
    reason: o.reason,
    by: personOf(o.byId, o.byName),
    at: o.at,
  })),
  savedBy: personOf(row.savedById, row.savedByName),
  savedAt: iso(row.savedAt) as string,
});

/** The draft as the api answers it: its latest version, whether it needs clearance, and where clearance is. */
@Injectable()
export class DraftPresenter {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly drafts: DraftRepository,
    private readonly workspace: WorkspaceRepository,
  ) {}

  async present(
    subject: DraftSubject,
    electionPeriod: boolean,
    q: Queryable = this.dataSource,
  ): Promise<Draft> {
    const draft = await this.drafts.find(q, subject.id);
    const accounts = (await this.workspace.accountsOf(q, subject.departmentId)) as Draft['accounts'];
    const [latestRow, authors, clearance] = draft
      ? await Promise.all([
          this.drafts.version(q, draft.id, draft.version),
          this.drafts.authors(q, draft.id),
          this.drafts.latestClearance(q, draft.id),
        ])
      : [undefined, [], undefined];
    const latest = latestRow ? versionOf(latestRow) : null;
    const reasons = clearanceReasons({
      route: subject.route,
      findings: latest?.findings ?? [],
      overrides: latest?.overrides ?? [],
      electionPeriod,
    });
    return {
      opportunityId: subject.id,
      department: subject.departmentKey,
      route: subject.route,
      status: subject.status,
      version: draft?.version ?? 0,
      // Before the first save, the account it would be posted from.
      account: (draft ? draft.account : defaultAccount(accounts, subject)) as Draft['account'],
      accounts,
      latest,
      clearance: {
        needed: reasons.length > 0,
        reasons: reasons.map((reason) => ({ reason, text: CLEARANCE_REASON_TEXT[reason] })),
      },
      submission: clearance
        ? await this.submission(
            q,
            clearance,
            draft?.version ?? 0,
            authors.map((a) => a.id),
            electionPeriod,
          )
        : null,
      authors,
    };
  }

  private async submission(
    q: Queryable,
    clearance: ClearanceRow,
    draftVersion: number,
    authorIds: string[],
    electionPeriod: boolean,
  ): Promise<Draft['submission']> {
    const reviews = await this.drafts.reviews(q, clearance.id);
    const needed = approvalsNeeded(electionPeriod);
    const { missing } = approvalState(needed, reviewRecords(reviews), authorIds);
    // An approval is of one version: once a later one is saved, it no longer stands.
    const outcome =
      clearance.outcome === 'approved' && clearance.draftVersion < draftVersion
        ? 'superseded'
        : (clearance.outcome ?? 'waiting');
    return {
      version: clearance.draftVersion,
      outcome,
      submittedBy: personOf(clearance.submittedById, clearance.submittedByName),
      submittedAt: iso(clearance.submittedAt) as string,
      closedAt: iso(clearance.closedAt),
      needed,
      missing: clearance.outcome === 'approved' ? [] : missing,
      reviews: reviews.map((r) => ({
        version: r.draftVersion,
        reviewer: personOf(r.reviewerId, r.reviewerName),
        role: r.role,
        decision: r.decision,
        comment: r.comment,
        at: iso(r.at) as string,
      })),
    };
  }
}
