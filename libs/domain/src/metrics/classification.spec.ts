import { describe, expect, it } from 'vitest';
import { evaluateClassifier, wilsonInterval, type SentimentLabel } from './classification';

const pairs = (rows: [SentimentLabel, SentimentLabel, number][]) =>
  rows.flatMap(([gold, predicted, count]) => Array.from({ length: count }, () => ({ gold, predicted })));

describe('evaluateClassifier', () => {
  it('computes accuracy, macro recall and macro F1 from the confusion matrix', () => {
    // gold negative: 4 → negative, 1 → neutral; gold neutral: 2 → neutral, 2 → positive; gold positive: 3 → positive.
    const result = evaluateClassifier(
      pairs([
        ['negative', 'negative', 4],
        ['negative', 'neutral', 1],
        ['neutral', 'neutral', 2],
        ['neutral', 'positive', 2],
        ['positive', 'positive', 3],
      ]),
    );
    expect(result.n).toBe(12);
    // correct 4 + 2 + 3 = 9 of 12.
    expect(result.accuracy).toBeCloseTo(0.75, 10);
    // recalls 4/5, 2/4, 3/3 → (0.8 + 0.5 + 1) / 3 = 0.766667.
    expect(result.macroRecall).toBeCloseTo(2.3 / 3, 10);
    // precision: negative 4/4 = 1, neutral 2/3, positive 3/5.
    // F1 negative 2·1·0.8/1.8 = 0.888889; neutral 2·(2/3)·0.5/(7/6) = 0.571429; positive 2·0.6·1/1.6 = 0.75.
    expect(result.macroF1).toBeCloseTo((16 / 18 + 4 / 7 + 0.75) / 3, 10);
    expect(result.confusion.neutral).toEqual({ negative: 0, neutral: 2, positive: 2 });
  });

  it('averages recall over the classes people labelled only', () => {
    // No neutral gold label: recalls negative 1/2, positive 2/2 → 0.75; the neutral prediction is just wrong.
    const result = evaluateClassifier(
      pairs([
        ['negative', 'negative', 1],
        ['negative', 'neutral', 1],
        ['positive', 'positive', 2],
      ]),
    );
    expect(result.macroRecall).toBeCloseTo(0.75, 10);
  });

  it('answers null, not 0, for an empty sample', () => {
    expect(evaluateClassifier([])).toMatchObject({ n: 0, accuracy: null, macroRecall: null, macroF1: null });
  });
});

describe('wilsonInterval', () => {
  it('matches the worked 95% interval for 8 of 10', () => {
    // p = 0.8, z² = 3.841459: centre = 0.8 + 3.841459/20 = 0.992073; spread = 1.959964·√(0.016 + 3.841459/400)
    // = 1.959964·√0.025604 = 0.313619; ÷ (1 + 0.384146) → low 0.490158, high 0.943346.
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.4902, 4);
    expect(interval.high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the edges and is null for no sample', () => {
    expect(wilsonInterval(0, 5)!.low).toBe(0);
    expect(wilsonInterval(5, 5)!.high).toBeLessThanOrEqual(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
