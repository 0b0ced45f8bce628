export type {
  DepartmentFacts,
  DepartmentResource,
  RuleHit,
  ThreadFacts,
  ThreadPostFacts,
} from './thread-facts';
export { SIGNAL_WEIGHTS, scoreSignals } from './score';
export { ruleSignal } from './rule.signal';
export {
  askedQuestion,
  findQuestion,
  pickQuestion,
  questionsIn,
  isQuestion,
  questionSignal,
  type AskedSentence,
  type FoundQuestion,
} from './question.signal';
export { mentionSignal } from './mention.signal';
export {
  rankByTerms,
  rankResources,
  termCountsOf,
  resourceMatchSignal,
  suggestResources,
  SIMILARITY,
  type RankedResource,
} from './resource-match.signal';
export { velocityAt, velocitySignal } from './velocity.signal';
export { ownThreadSignal } from './own-thread.signal';
export { refreshTimeSignals, TIME_SIGNALS_SETTLE_MS } from './time-signals';
export { participantsSignal } from './participants.signal';
export { sentimentSignal, summariseSentiment, type SentimentSummary } from './sentiment.signal';
export { reachSignal } from './reach.signal';
export { recencyAt, recencySignal } from './recency.signal';
export { alreadyEngagedSignal } from './already-engaged.signal';
export { findNoise, noiseSignal, type NoiseFinding } from './noise.signal';
export { ROUTE_RULES, routeThread, type RouteChoice, type RouteInput } from './route';
export { analyseThread, tagThread, type ThreadAnalysis, type ThreadTagging } from './tag-thread';
