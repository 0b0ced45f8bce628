import type { Engagement } from '@parley/contracts';
import type { EngagementRow } from '@parley/db';
import type { EngagementKind, EngagementMode, Platform, Route } from '@parley/domain';

/** An engagement as the api shows it: never a credential, a failed publish with its reason. */
export const toEngagement = (row: EngagementRow): Engagement => ({
  id: row.id,
  opportunityId: row.opportunityId,
  kind: row.kind as EngagementKind,
  mode: row.mode as EngagementMode,
  route: row.route as Route,
  url: row.url,
  postedAt: row.occurredAt.toISOString(),
  account:
    row.platform && row.accountHandle
      ? { platform: row.platform as Platform, handle: row.accountHandle }
      : null,
  text: row.text,
  outcome: row.outcome,
  closesLoop: row.closesLoop,
  draftId: row.draftId,
  publish: row.publishState ? { state: row.publishState, error: row.publishError } : null,
  matchedPost: row.postId !== null,
});
