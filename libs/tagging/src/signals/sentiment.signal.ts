import type { Signal } from '@parley/domain';
import Sentiment from 'sentiment';
import { SIGNAL_WEIGHTS } from './score';
import { postText, publicPosts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.sentiment;
// The AFINN-165 word list ships inside the package: nothing is downloaded, and the same text always scores the same.
const analyser = new Sentiment();

export type SentimentSummary = { posts: number; negative: number; meanComparative: number };
/**
 * `neutralBand`: how far below zero AFINN's comparative score (score per word) must be before a post reads as
 * negative, so one mild word in a question ("something went wrong", "I'm confused") leaves it neutral.
 */
export const SENTIMENT = { neutralBand: 0.1, mostlyNegativeShare: 0.5, someNegativeShare: 0.25 } as const;

/** Per public post: AFINN's comparative score; negative when clearly below the neutral band. */
export const summariseSentiment = (facts: ThreadFacts): SentimentSummary | null => {
  const results = publicPosts(facts).map((p) => analyser.analyze(postText(p)));
  if (results.length === 0) return null;
  return {
    posts: results.length,
    negative: results.filter((r) => r.comparative <= -SENTIMENT.neutralBand).length,
    meanComparative: results.reduce((s, r) => s + r.comparative, 0) / results.length,
  };
};

/** Contested, angry threads are where a department is most often needed (and most careful). */
export const isMostlyNegative = (s: SentimentSummary): boolean =>
  s.meanComparative < 0 && s.negative / s.posts >= SENTIMENT.mostlyNegativeShare;

const weightOf = (s: SentimentSummary): number => {
  if (isMostlyNegative(s)) return W.mostlyNegative;
  return s.meanComparative < 0 && s.negative / s.posts >= SENTIMENT.someNegativeShare ? W.someNegative : 0;
};

export const sentimentSignal = (summary: SentimentSummary | null): Signal | null => {
  const weight = summary ? weightOf(summary) : 0;
  if (!summary || weight === 0) return null;
  // The count says it; the mean score behind the weight would mean nothing to the person reading.
  const detail =
    summary.posts === 1 ? 'the post is negative' : `${summary.negative} of ${summary.posts} posts negative`;
  return { kind: 'sentiment', detail, weight };
};
