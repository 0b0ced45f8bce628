import { describe, expect, it } from 'vitest';
import { accuracySummary, recallSummary } from './accuracy-summary';

describe('accuracySummary', () => {
  it('says the accuracy and its range in whole percentages', () => {
    const accuracy = { n: 2, accuracy: 0.5, ciLow: 0.0945, ciHigh: 0.9055, macroRecall: 0.5 };
    expect(accuracySummary(accuracy)).toBe(
      'When people checked 2 posts, the classifier agreed with them on 50% (95% confidence: between 9% and 91%).',
    );
    expect(recallSummary(accuracy)).toBe(
      'On average it found 50% of the posts of each kind people picked (negative, neutral or positive).',
    );
  });

  it('says plainly when nobody has checked it', () => {
    expect(accuracySummary(null)).toMatch(/not known/);
    expect(recallSummary(null)).toBeNull();
  });
});
