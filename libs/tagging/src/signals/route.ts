import type { Route } from '@parley/domain';
import { shortUrl } from './format';
import type { NoiseFinding } from './noise.signal';
import { SIMILARITY, type RankedResource } from './resource-match.signal';
import { isMostlyNegative, type SentimentSummary } from './sentiment.signal';

export type RouteInput = {
  /** The public posts' text (titles included). */
  text: string;
  question: string | null;
  /** The best-matching resource, if any was suggested. */
  best: RankedResource | null;
  noise: NoiseFinding | null;
  sentiment: SentimentSummary | null;
};
export type RouteChoice = { route: Route; reason: string; rule: string };
type RouteRule = {
  name: string;
  route: Route;
  applies: (i: RouteInput) => boolean;
  reason: (i: RouteInput) => string;
};

const SUBJECT = '(?:the )?(?:government|department|minister|ministers|chancellor|secretary of state|you)';
const ANNOUNCEMENT = [
  // "When will I get confirmation of my place?" is casework, not an announcement: no first person singular.
  /\bwhen (?:will|is|are|do|does|might|would|can we expect)\b(?![^.?!\n]*\b(?:i|my|me)\b)[^.?!\n]*\b(?:announc|launch|confirm|unveil|introduc|roll(?:ed|ing)? out)\w*/i,
  new RegExp(`\\bis it true (?:that )?${SUBJECT}\\b`, 'i'),
  new RegExp(
    `\\b(?:will|is|are) ${SUBJECT} (?:going to |planning to |about to )?(?:announce|launch|confirm|unveil)\\b`,
    'i',
  ),
  /\bany (?:news|update|word) on when\b|\b(?:rumou?r(?:s|ed)?|leaked) (?:that|of|about)\b/i,
];
const VIEW = [
  new RegExp(
    `\\bwhat(?:'s| is| are) (?:your|${SUBJECT}'s) (?:view|position|stance|opinion|response)\\b`,
    'i',
  ),
  /\b(?:your|the government's|the department's) (?:view|position|stance|opinion) on\b/i,
  /\bwhat do you (?:think|make) (?:of|about)\b|\bhow can (?:you|the government|ministers) justify\b/i,
  new RegExp(`\\bdo(?:es)? ${SUBJECT} (?:support|agree|back|defend|stand by|accept)\\b`, 'i'),
  new RegExp(`\\bwhy (?:does|did|is|are|has|have|won't|doesn't|isn't|hasn't|haven't) ${SUBJECT}\\b`, 'i'),
  // Not "should you": "Should you need help, call…" is an ordinary sentence.
  new RegExp(
    `\\bshould(?:n't)? ${SUBJECT.replace('|you', '')}\\b|\\bwill ${SUBJECT} (?:scrap|reverse|abolish|change|review|reconsider|drop|keep)\\b`,
    'i',
  ),
];
const NEW_GUIDANCE = [
  /\b(?:need|needs|should|must|have) to (?:publish|issue|update|produce|give|provide) (?:\w+ ){0,2}guidance\b/i,
  /\b(?:will|is) there (?:be |going to be )?(?:any )?(?:new |updated |more )?guidance\b/i,
  /\b(?:there's no|there is no|lack of|no) (?:clear |proper |official )?guidance\b/i,
];
const WHERE_TO_FIND = [
  /\bwhere (?:can|do|would|should|could) (?:i|we|you|one|people|parents) (?:find|get|see|read|download|access|look up)\b/i,
  /\bwhere (?:is|are) the (?:\w+ ){0,3}(?:guidance|form|page|information|info|rules|document|link|list|details|dates)\b/i,
  /\bwhere to (?:find|get)\b|\bis there (?:a|any) (?:link|page|form|guidance|information|info|list)\b/i,
  /\bany(?:one|body) (?:have|got) (?:a|the) link\b/i,
];
const POLICY_WORDS =
  /\b(?:policy|policies|government|ministers?|chancellor|cap|limit|cuts?|scrap(?:ped)?|abolish\w*|reform\w*|unfair|legislation|u-turn|austerity|mps?|parliament)\b/i;
/** Mean AFINN comparative at or below which a mostly negative thread counts as heated. */
export const HEATED_MEAN = -0.1;

const any = (patterns: RegExp[], text: string): boolean => patterns.some((p) => p.test(text));
const similarity = (i: RouteInput): number => i.best?.similarity ?? 0;
const named = (r: RankedResource | null): string =>
  r ? `"${r.title}" (${shortUrl(r.url)})` : 'where it is published';
const CLEAR = 'check with policy and comms officials first';

const isHeated = (i: RouteInput): boolean =>
  i.sentiment !== null &&
  isMostlyNegative(i.sentiment) &&
  i.sentiment.meanComparative <= HEATED_MEAN &&
  POLICY_WORDS.test(i.text);

/**
 * First matching rule wins. Announcements are never ours to post; a view or new guidance needs clearance; a
 * published answer is safe to share even in a heated thread, so it comes before the contested-argument rule.
 */
export const ROUTE_RULES: RouteRule[] = [
  {
    name: 'spam',
    route: 'none',
    applies: (i) => i.noise?.spam === true,
    reason: (i) => `looks like ${i.noise?.label}: no action`,
  },
  {
    name: 'announcement',
    route: 'press-office',
    applies: (i) => any(ANNOUNCEMENT, i.text),
    reason: () => 'asks about an announcement: refer to the press office',
  },
  {
    name: 'view',
    route: 'clearance',
    applies: (i) => any(VIEW, i.text),
    reason: () => `asks for the department's view: ${CLEAR}`,
  },
  {
    name: 'new-guidance',
    route: 'clearance',
    applies: (i) => any(NEW_GUIDANCE, i.text),
    reason: () => `asks for new guidance: ${CLEAR}`,
  },
  {
    name: 'where-to-find',
    route: 'pointer',
    applies: (i) => any(WHERE_TO_FIND, i.text),
    reason: (i) => `asks where to find published material: point to ${named(i.best)}`,
  },
  {
    name: 'answered-publicly',
    route: 'public-info',
    applies: (i) => i.question !== null && similarity(i) >= SIMILARITY.strong,
    reason: (i) => `the answer is already public: share ${named(i.best)}`,
  },
  {
    name: 'contested',
    route: 'clearance',
    applies: isHeated,
    reason: () => `a heated argument about policy: ${CLEAR}`,
  },
  {
    name: 'related-resource',
    route: 'pointer',
    applies: (i) => i.question !== null && similarity(i) >= SIMILARITY.suggest,
    reason: (i) => `published material covers this: point to ${named(i.best)}`,
  },
  {
    name: 'unanswered-question',
    route: 'clearance',
    applies: (i) => i.question !== null,
    reason: () => 'no published answer: new content needs clearance by policy and comms officials',
  },
  {
    name: 'nothing-asked',
    route: 'none',
    applies: () => true,
    reason: () => 'no question asked: keep listening',
  },
];

export const routeThread = (input: RouteInput): RouteChoice => {
  const rule = ROUTE_RULES.find((r) => r.applies(input)) ?? ROUTE_RULES[ROUTE_RULES.length - 1];
  return { route: rule.route, reason: rule.reason(input), rule: rule.name };
};
