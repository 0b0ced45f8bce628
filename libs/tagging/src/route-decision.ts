import type { Route } from '@parley/domain';

export type RouteDecision = { route: Route; reason: string };

const ANNOUNCEMENT =
  /\b(when will|when is|when are)\b.*\b(announc|launch|confirm|unveil)\w*|\bannouncement\b/i;
const VIEW_OR_GUIDANCE =
  /\b(what do you think|your (view|position|stance|opinion)|do you (agree|support)|why (does|did|is|are|has) the (government|department)|should the (government|department))\b/i;
const NOISE = /\b(giveaway|competition|win a|prize draw|follow (and|&) retweet)\b/i;

/**
 * The three routes of the guidance plus the press office: announcement territory first (it is never ours to post),
 * then requests for a view or new guidance (clearance), then plain questions (a pointer to what is published).
 */
export const decideRoute = (question: string | null, text: string): RouteDecision => {
  if (NOISE.test(text)) return { route: 'none', reason: 'looks like a competition or giveaway: no action' };
  if (ANNOUNCEMENT.test(text))
    return { route: 'press-office', reason: 'asks about an announcement: refer to the press office' };
  if (VIEW_OR_GUIDANCE.test(text)) {
    return {
      route: 'clearance',
      reason: 'asks for a view or new guidance: check with policy and comms officials first',
    };
  }
  if (question)
    return { route: 'pointer', reason: 'asks a question published material may answer: point to it' };
  return { route: 'none', reason: 'no question asked: keep listening' };
};
