import type { SentimentAccuracy } from '@parley/contracts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The classifier's measured accuracy in plain words, with its range; what to say before anyone has checked it. */
export const accuracySummary = (accuracy: SentimentAccuracy | null): string => {
  if (!accuracy) return 'Nobody has checked the classifier here yet, so its accuracy is not known.';
  const posts = accuracy.n === 1 ? '1 post' : `${accuracy.n} posts`;
  return (
    `When people checked ${posts}, the classifier agreed with them on ${percent(accuracy.accuracy)}` +
    ` (95% confidence: between ${percent(accuracy.ciLow)} and ${percent(accuracy.ciHigh)}).`
  );
};

/** Macro recall in plain words: how well it finds each kind of post, on average. */
export const recallSummary = (accuracy: SentimentAccuracy | null): string | null =>
  accuracy?.macroRecall == null
    ? null
    : `On average it found ${percent(accuracy.macroRecall)} of the posts of each kind people picked (negative, neutral or positive).`;
