import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../metrics/classification';
import { surveyChange } from './survey-change';

describe('surveyChange', () => {
  it("matches Newcombe's worked example (1998, Table II (a), method 10)", () => {
    // 56/70 − 48/80 = 0.8 − 0.6 = 0.2; Newcombe gives the hybrid score interval 0.0524 to 0.3339.
    const result = surveyChange({ agree: 48, n: 80 }, { agree: 56, n: 70 });
    expect(result?.change).toBeCloseTo(20, 10);
    expect(result?.ciLow).toBeCloseTo(5.24, 2);
    expect(result?.ciHigh).toBeCloseTo(33.39, 2);
  });

  it("matches Newcombe's small-sample example (Table II (b))", () => {
    // 9/10 − 3/10 = 0.6; Newcombe gives 0.1705 to 0.8090.
    const result = surveyChange({ agree: 3, n: 10 }, { agree: 9, n: 10 });
    expect(result?.ciLow).toBeCloseTo(17.05, 2);
    expect(result?.ciHigh).toBeCloseTo(80.9, 2);
  });

  it('stays within ±100 points when everyone or nobody agrees', () => {
    const result = surveyChange({ agree: 0, n: 5 }, { agree: 5, n: 5 });
    expect(result?.change).toBe(100);
    expect(result?.ciHigh).toBeLessThanOrEqual(100);
    expect(result?.ciLow).toBeGreaterThan(0);
  });

  it('is null when a sample asked nobody', () => {
    expect(surveyChange({ agree: 0, n: 0 }, { agree: 3, n: 10 })).toBeNull();
  });
});

describe('wilsonInterval', () => {
  it('matches Wilson for 0 of 10 (Newcombe 1998, Table I)', () => {
    // 0/10: 0 to 0.2775.
    const { low, high } = wilsonInterval(0, 10)!;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.2775, 4);
  });
});
