/** The three classes every sentiment figure uses (issue 11). */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const isSentimentLabel = (value: string): value is SentimentLabel =>
  (SENTIMENT_LABELS as readonly string[]).includes(value);

/** `confusion[gold][predicted]`: how many items of each true class got each predicted class. */
export type Confusion = Record<SentimentLabel, Record<SentimentLabel, number>>;

export type ClassifierEvaluation = {
  n: number;
  accuracy: number | null;
  /**
   * Mean recall over the classes that occur in the gold labels (SemEval-2017 Task 4A's measure when all three
   * occur): a class nobody labelled has no recall, and counting it as 0 or 1 would invent a number.
   */
  macroRecall: number | null;
  /** Mean F1 over the same classes; a class never predicted has precision 0 there. */
  macroF1: number | null;
  confusion: Confusion;
};

const emptyConfusion = (): Confusion =>
  Object.fromEntries(
    SENTIMENT_LABELS.map((gold) => [gold, Object.fromEntries(SENTIMENT_LABELS.map((p) => [p, 0]))]),
  ) as Confusion;

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;

export const evaluateClassifier = (
  pairs: Iterable<{ gold: SentimentLabel; predicted: SentimentLabel }>,
): ClassifierEvaluation => {
  const confusion = emptyConfusion();
  let n = 0;
  for (const { gold, predicted } of pairs) {
    confusion[gold][predicted]++;
    n++;
  }
  const present = SENTIMENT_LABELS.filter((c) => SENTIMENT_LABELS.some((p) => confusion[c][p] > 0));
  const correct = SENTIMENT_LABELS.reduce((s, c) => s + confusion[c][c], 0);
  const recalls = present.map(
    (c) => confusion[c][c] / SENTIMENT_LABELS.reduce((s, p) => s + confusion[c][p], 0),
  );
  const f1s = present.map((c, i) => {
    const predictedAs = SENTIMENT_LABELS.reduce((s, g) => s + confusion[g][c], 0);
    const precision = predictedAs === 0 ? 0 : confusion[c][c] / predictedAs;
    return precision + recalls[i] === 0 ? 0 : (2 * precision * recalls[i]) / (precision + recalls[i]);
  });
  return {
    n,
    accuracy: n === 0 ? null : correct / n,
    macroRecall: mean(recalls),
    macroF1: mean(f1s),
    confusion,
  };
};

/**
 * The Wilson score interval for a proportion (95% by default): unlike the normal approximation it stays inside
 * [0, 1] and behaves at the small samples a labelling screen produces. Null when there is nothing to estimate.
 */
export const wilsonInterval = (
  successes: number,
  n: number,
  z = 1.959964,
): { low: number; high: number } | null => {
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
};

/** A classifier's accuracy against people's labels, with its 95% Wilson interval; null when nobody labelled. */
export type LabelledAccuracy = {
  n: number;
  accuracy: number;
  ciLow: number;
  ciHigh: number;
  macroRecall: number | null;
};

export const labelledAccuracy = (
  pairs: readonly { gold: SentimentLabel; predicted: SentimentLabel; count: number }[],
): LabelledAccuracy | null => {
  const evaluation = evaluateClassifier(
    pairs.flatMap(({ gold, predicted, count }) => Array.from({ length: count }, () => ({ gold, predicted }))),
  );
  if (evaluation.n === 0 || evaluation.accuracy === null) return null;
  const correct = SENTIMENT_LABELS.reduce((s, c) => s + evaluation.confusion[c][c], 0);
  const interval = wilsonInterval(correct, evaluation.n)!;
  return {
    n: evaluation.n,
    accuracy: evaluation.accuracy,
    ciLow: interval.low,
    ciHigh: interval.high,
    macroRecall: evaluation.macroRecall,
  };
};
