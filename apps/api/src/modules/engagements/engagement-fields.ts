import type { EngagementRecorded, RecordEngagement } from '@parley/contracts';
import type { EngagementRepository, EngagementRow, OpportunityRow, Queryable } from '@parley/db';
import { DomainError } from '@parley/domain';
import type { AuthContext } from '../auth/auth-context';
import { toEngagement } from './engagement-mapper';

export const notFound = () => new DomainError('not_found', 'No opportunity with that id that you can see.');

/** What every engagement recorded on an opportunity takes from it and from the request. */
export const engagementFields = (auth: AuthContext, o: OpportunityRow, input: RecordEngagement) => ({
  opportunityId: o.id,
  conversationId: o.conversationId,
  departmentId: o.departmentId,
  kind: input.kind,
  mode: input.mode,
  route: o.route,
  outcome: input.outcome ?? null,
  closesLoop: input.closesLoop ?? false,
  draftId: null as string | null,
  recordedBy: auth.userId,
});

/** The platform the conversation is on (its first post's), to tell apart two accounts with one handle. */
export const platformOf = async (
  q: Queryable,
  engagements: EngagementRepository,
  o: OpportunityRow,
): Promise<string> => (await engagements.replyTarget(q, o.conversationId))?.platform ?? '';

export const recordedAnswer = (o: OpportunityRow, engagement: EngagementRow): EngagementRecorded => ({
  engagement: toEngagement(engagement),
  opportunity: { id: o.id, status: o.status, version: o.version },
});
