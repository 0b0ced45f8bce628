import type { AccountRow, DraftSubjectRow, ReviewRow } from '@parley/db';
import { platformOfSourceType, type ReviewRecord, type Route, type SourceType } from '@parley/domain';

/** The opportunity a draft is for, as the drafts module needs it. */
export type DraftSubject = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  route: Route;
  status: string;
  /** The opportunity's version when it was read: a change planned from it is refused if it has moved on. */
  version: number;
  conversationId: string;
  platform: string;
};

export const subjectOf = (row: DraftSubjectRow): DraftSubject => ({
  id: row.id,
  departmentId: row.departmentId,
  departmentKey: row.departmentKey,
  departmentName: row.departmentName,
  route: row.route as Route,
  status: row.status,
  version: row.version,
  conversationId: row.conversationId,
  platform: platformOfSourceType(row.sourceType as SourceType),
});

/** Reviews as the clearance rules read them; one by someone whose account is gone counts for nobody. */
export const reviewRecords = (rows: readonly ReviewRow[]): ReviewRecord[] =>
  rows.flatMap((r) =>
    r.reviewerId ? [{ reviewerId: r.reviewerId, role: r.role, decision: r.decision }] : [],
  );

/** The account a new draft is posted from: the department's own on the thread's platform, if it has one. */
export const defaultAccount = (accounts: readonly AccountRow[], subject: DraftSubject): AccountRow | null =>
  accounts.find((a) => a.platform === subject.platform) ?? null;
