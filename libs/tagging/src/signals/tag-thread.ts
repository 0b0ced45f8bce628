import type { Route, Signal } from '@parley/domain';
import { alreadyEngagedSignal } from './already-engaged.signal';
import {
  analysePosts,
  evidenceFor,
  evidenceQuestion,
  evidenceResources,
  evidenceText,
  wordsAsWritten,
  type PostAnalysis,
} from './evidence';
import { mentionSignal } from './mention.signal';
import { findNoise, noiseSignal, type NoiseFinding } from './noise.signal';
import { ownThreadSignal } from './own-thread.signal';
import { participantsSignal } from './participants.signal';
import { questionSignal } from './question.signal';
import { reachSignal } from './reach.signal';
import { recencySignal } from './recency.signal';
import { resourceMatchSignal, type RankedResource } from './resource-match.signal';
import { routeThread } from './route';
import { ruleSignal } from './rule.signal';
import { scoreSignals } from './score';
import { sentimentSignal, summariseSentiment, type SentimentSummary } from './sentiment.signal';
import type { DepartmentFacts, RuleHit, ThreadFacts } from './thread-facts';
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

/** What tagging finds in a thread whatever the department: worked out once per conversation, not per department. */
export type ThreadAnalysis = {
  posts: PostAnalysis[];
  sentiment: SentimentSummary | null;
  noise: NoiseFinding | null;
};

export const analyseThread = (facts: ThreadFacts): ThreadAnalysis => ({
  posts: analysePosts(facts),
  sentiment: summariseSentiment(facts),
  noise: findNoise(facts),
});

/** Why, how much and what to do for one department in one thread: pure, so re-tagging gives the same answer. */
export const tagThread = (
  facts: ThreadFacts,
  department: DepartmentFacts,
  hits: RuleHit[],
  thread: ThreadAnalysis = analyseThread(facts),
): ThreadTagging => {
  const { sentiment, noise } = thread;
  // Question, resources and route are judged on the posts the department's rules matched, not the whole thread.
  const evidence = evidenceFor(thread.posts, hits);
  const text = evidenceText(evidence);
  const found = evidenceQuestion(evidence, hits);
  const question = found?.sentence ?? null;
  const resources = evidenceResources(evidence, found, department.resources);
  const signals = present([
    ruleSignal(hits, (hit) => wordsAsWritten(hit, evidence)),
    ownThreadSignal(facts, department),
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
