import { describe, expect, it } from 'vitest';
import {
  rankByBestOf,
  rankResources,
  resourceMatchSignal,
  SIMILARITY,
  suggestResources,
  termCountsOf,
} from './resource-match.signal';
import { DFE } from './thread.fixtures';

const LOAN_QUESTION =
  "I've just started my first job on £27k. How much will I repay on my student loan each month? I'm on Plan 2.";

describe('rankResources', () => {
  it.each([
    [LOAN_QUESTION, 'https://www.gov.uk/repaying-your-student-loan'],
    ['Where can I find the term dates for 2025-26?', 'https://www.gov.uk/school-term-holiday-dates'],
    ['Can my child get free school meals on Universal Credit?', 'https://www.gov.uk/apply-free-school-meals'],
    ['How do I reconfirm for 30 hours childcare?', 'https://www.gov.uk/30-hours-free-childcare'],
  ])('%s → %s first', (text, url) => {
    const ranked = rankResources(text, DFE.resources);
    expect(ranked[0].url).toBe(url);
    expect(ranked[0].similarity).toBeGreaterThanOrEqual(SIMILARITY.suggest);
    expect(ranked).toHaveLength(DFE.resources.length);
  });

  it('is deterministic and breaks ties by url', () => {
    const twins = [
      { title: 'Same', url: 'https://b.example', text: 'same words' },
      { title: 'Same', url: 'https://a.example', text: 'same words' },
    ];
    expect(rankResources('same words', twins).map((r) => r.url)).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(rankResources(LOAN_QUESTION, DFE.resources)).toEqual(rankResources(LOAN_QUESTION, DFE.resources));
  });

  it('scores nothing in common as 0 and copes with no resources or no words', () => {
    expect(rankResources('flapjack recipe', DFE.resources).every((r) => r.similarity === 0)).toBe(true);
    expect(rankResources(LOAN_QUESTION, [])).toEqual([]);
    expect(rankResources('', DFE.resources)[0].similarity).toBe(0);
  });
});

describe('suggestResources and resourceMatchSignal', () => {
  const r = (similarity: number, n = 1) => ({ title: `R${n}`, url: `https://www.gov.uk/r${n}`, similarity });

  it.each([
    { ranked: [], suggested: 0, weight: null },
    { ranked: [r(0.05)], suggested: 0, weight: null },
    { ranked: [r(0.2)], suggested: 1, weight: 8 },
    { ranked: [r(0.5, 1), r(0.4, 2), r(0.3, 3), r(0.2, 4)], suggested: 3, weight: 15 },
  ])('$ranked.length ranked → $suggested suggested, weight $weight', ({ ranked, suggested, weight }) => {
    const top = suggestResources(ranked);
    expect(top).toHaveLength(suggested);
    expect(resourceMatchSignal(top)?.weight ?? null).toBe(weight);
  });

  it('gives titles and short links as evidence, and how close each is in words rather than a number', () => {
    const top = suggestResources(rankResources(LOAN_QUESTION, DFE.resources));
    expect(resourceMatchSignal(top)?.detail).toBe(
      '"Repaying your student loan" (gov.uk/repaying-your-student-loan), a close match',
    );
    expect(resourceMatchSignal([r(0.5, 1), r(0.2, 2)])?.detail).toBe(
      '"R1" (gov.uk/r1), a close match; "R2" (gov.uk/r2), on a related subject',
    );
  });
});

describe('rankByBestOf', () => {
  it('judges each resource on the text most like it, so one focused text is not diluted by a long one', () => {
    const chatty = termCountsOf(
      `${'We loved the riads, the trains and the food in Marrakech. '.repeat(5)} How much will I repay on my student loan?`,
    );
    const focused = termCountsOf('How much will I repay on my student loan each month?');
    const [best] = rankByBestOf([chatty, focused], DFE.resources);
    expect(best.url).toBe('https://www.gov.uk/repaying-your-student-loan');
    expect(best.similarity).toBeGreaterThan(rankByBestOf([chatty], DFE.resources)[0].similarity);
    expect(rankByBestOf([], DFE.resources)).toEqual([]);
  });
});
