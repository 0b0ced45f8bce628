import type { DraftSubjectRow } from '@parley/db';
import { platformOfSourceType, type Route, type SourceType } from '@parley/domain';

/** The opportunity a draft is for, as the drafts module needs it. */
export type DraftSubject = {
  id: string;
  departmentId: string;
  departmentKey: string;
  departmentName: string;
  route: Route;
  status: string;
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
  conversationId: row.conversationId,
  platform: platformOfSourceType(row.sourceType as SourceType),
});
