import type { Route, Signal } from '@parley/domain';
import { alreadyEngagedSignal } from './already-engaged.signal';
import { mentionSignal } from './mention.signal';
import { findNoise, noiseSignal } from './noise.signal';
import { participantsSignal } from './participants.signal';
import { askedQuestion, questionSignal } from './question.signal';
import { reachSignal } from './reach.signal';
import { recencySignal } from './recency.signal';
import {
  rankResources,
  resourceMatchSignal,
  suggestResources,
  type RankedResource,
} from './resource-match.signal';
import { routeThread } from './route';
import { ruleSignal } from './rule.signal';
import { scoreSignals } from './score';
import { sentimentSignal, summariseSentiment } from './sentiment.signal';
import { publicPosts, textOf, type DepartmentFacts, type RuleHit, type ThreadFacts } from './thread-facts';
import { velocitySignal } from './velocity.signal';

export type ThreadTagging = {
  score: number;
  route: Route;
  routeReason: string;
  signals: Signal[];
  /** Up to three resources worth suggesting, best first. */
  resources: RankedResource[];
};

const present = (signals: (Signal | null)[]): Signal[] => signals.filter((s): s is Signal => s !== null);

/** Why, how much and what to do for one department in one thread: pure, so re-tagging gives the same answer. */
export const tagThread = (
  facts: ThreadFacts,
  department: DepartmentFacts,
  hits: RuleHit[],
): ThreadTagging => {
  const text = textOf(publicPosts(facts));
  const found = askedQuestion(facts, hits);
  const question = found?.sentence ?? null;
  const resources = suggestResources(rankResources(text, department.resources));
  const sentiment = summariseSentiment(facts);
  const noise = findNoise(facts);
  const signals = present([
    ruleSignal(hits),
    questionSignal(found),
    mentionSignal(facts, department),
    resourceMatchSignal(resources),
    velocitySignal(facts),
    participantsSignal(facts),
    sentimentSignal(sentiment),
    reachSignal(facts),
    recencySignal(facts),
    alreadyEngagedSignal(facts, department),
    noiseSignal(noise),
  ]);
  const choice = routeThread({ text, question, best: resources[0] ?? null, noise, sentiment });
  return {
    score: scoreSignals(signals),
    route: choice.route,
    routeReason: choice.reason,
    signals,
    resources,
  };
};
