import type { Route, Signal } from '@parley/domain';
import { alreadyEngagedSignal } from './already-engaged.signal';
import { mentionSignal } from './mention.signal';
import { findNoise, noiseSignal, type NoiseFinding } from './noise.signal';
import { ownThreadSignal } from './own-thread.signal';
import { participantsSignal } from './participants.signal';
import { pickQuestion, questionSignal, questionsIn, type AskedSentence } from './question.signal';
import { reachSignal } from './reach.signal';
import { recencySignal } from './recency.signal';
import {
  rankByTerms,
  resourceMatchSignal,
  suggestResources,
  termCountsOf,
  type RankedResource,
  type TermCounts,
} from './resource-match.signal';
import { routeThread } from './route';
import { ruleSignal } from './rule.signal';
import { scoreSignals } from './score';
import { sentimentSignal, summariseSentiment, type SentimentSummary } from './sentiment.signal';
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

/** What tagging finds in a thread whatever the department: worked out once per conversation, not per department. */
export type ThreadAnalysis = {
  text: string;
  questions: AskedSentence[];
  terms: TermCounts;
  sentiment: SentimentSummary | null;
  noise: NoiseFinding | null;
};

export const analyseThread = (facts: ThreadFacts): ThreadAnalysis => {
  const posts = publicPosts(facts);
  const text = textOf(posts);
  return {
    text,
    questions: questionsIn(posts),
    terms: termCountsOf(text),
    sentiment: summariseSentiment(facts),
    noise: findNoise(facts),
  };
};

/** Why, how much and what to do for one department in one thread: pure, so re-tagging gives the same answer. */
export const tagThread = (
  facts: ThreadFacts,
  department: DepartmentFacts,
  hits: RuleHit[],
  thread: ThreadAnalysis = analyseThread(facts),
): ThreadTagging => {
  const { text, sentiment, noise } = thread;
  const found = pickQuestion(
    thread.questions,
    hits.flatMap((h) => h.matchedTerms),
  );
  const question = found?.sentence ?? null;
  const resources = suggestResources(rankByTerms(thread.terms, department.resources));
  const signals = present([
    ruleSignal(hits),
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
