import { describe, expect, it } from 'vitest';
import { themeShares } from './theme-shares';

describe('themeShares', () => {
  it('divides by on-topic mentions and gives the change in points, listing a theme that went quiet', () => {
    const shares = themeShares(
      { onTopic: 30, themes: [{ id: 'exams', mentions: 12 }] },
      {
        onTopic: 25,
        themes: [
          { id: 'exams', mentions: 5 },
          { id: 'meals', mentions: 10 },
        ],
      },
    );
    // exams: 12 ÷ 30 = 40%, before 5 ÷ 25 = 20%, +20 points; meals: 0 ÷ 30 = 0%, before 10 ÷ 25 = 40%, −40 points.
    expect(shares).toEqual([
      { id: 'exams', mentions: 12, share: 40, previousShare: 20, change: 20, smallSample: false },
      { id: 'meals', mentions: 0, share: 0, previousShare: 40, change: -40, smallSample: false },
    ]);
  });

  it('gives null, never 0, without on-topic mentions, and no change without a comparison', () => {
    expect(
      themeShares({ onTopic: 0, themes: [] }, { onTopic: 4, themes: [{ id: 'a', mentions: 1 }] }),
    ).toEqual([{ id: 'a', mentions: 0, share: null, previousShare: 25, change: null, smallSample: true }]);
    expect(themeShares({ onTopic: 3, themes: [{ id: 'a', mentions: 3 }] }, null)).toEqual([
      { id: 'a', mentions: 3, share: 100, previousShare: null, change: null, smallSample: true },
    ]);
  });
});
