import { matchEngagements } from '@parley/domain';
import type { EngagementRepository, Queryable } from '@parley/db';

/**
 * Links the department's fetched posts in these conversations to the engagements recorded for them, so each reply
 * counts once. Run by tagging (a post fetched after it was recorded) and when recording (a post fetched before).
 */
export const linkFetchedPosts = async (
  q: Queryable,
  engagements: EngagementRepository,
  conversationIds: string[],
): Promise<number> => {
  const recorded = await engagements.unlinked(q, conversationIds);
  if (recorded.length === 0) return 0;
  const links = matchEngagements(recorded, await engagements.departmentPosts(q, conversationIds));
  await engagements.link(q, links);
  return links.length;
};
