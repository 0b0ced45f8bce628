import type { Signal } from '@parley/domain';
import Sentiment from 'sentiment';
import { formatSigned } from './format';
import { SIGNAL_WEIGHTS } from './score';
import { postText, publicPosts, type ThreadFacts } from './thread-facts';

const W = SIGNAL_WEIGHTS.sentiment;
// The AFINN-165 word list ships inside the package: nothing is downloaded, and the same text always scores the same.
const analyser = new Sentiment();

export type SentimentSummary = { posts: number; negative: number; meanComparative: number };
export const SENTIMENT = { mostlyNegativeShare: 0.5, someNegativeShare: 0.25 } as const;

/** Per public post: AFINN's comparative score (sum over tokens); negative when the post's total is below zero. */
export const summariseSentiment = (facts: ThreadFacts): SentimentSummary | null => {
  const results = publicPosts(facts).map((p) => analyser.analyze(postText(p)));
  if (results.length === 0) return null;
  return {
    posts: results.length,
    negative: results.filter((r) => r.score < 0).length,
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
  const detail = `${summary.negative} of ${summary.posts} posts negative (mean ${formatSigned(summary.meanComparative)})`;
  return { kind: 'sentiment', detail, weight };
};
