import { describe, expect, it } from 'vitest';
import { DETECTOR_HOURS, type DetectorSettings } from './rise';
import { judgeSentimentTurn } from './sentiment-turn';

/** The alert settings' defaults (alertSettingsSchema). */
const SETTINGS: DetectorSettings = { k: 2, expectedK: 4, minBaseline: 50, sentimentDropPoints: 20 };

const start = new Date('2026-11-18T00:00:00Z');
/** 192 hours, the last 24 with `recent` counts per hour and the rest with `usual`. */
const hours = (usual: [number, number, number], recent: [number, number, number]) => ({
  start,
  counts: Array.from({ length: DETECTOR_HOURS }, (_, i) => {
    const [negative, neutral, positive] = i >= DETECTOR_HOURS - 24 ? recent : usual;
    return { negative, neutral, positive };
  }),
});

describe('judgeSentimentTurn', () => {
  it('raises a turn when net sentiment falls by more than the points allowed', () => {
    // Baseline net +20 (1 negative, 1 neutral, 3 positive an hour), last day −40 (3, 1, 1).
    const turn = judgeSentimentTurn(hours([1, 1, 3], [3, 1, 1]), SETTINGS);
    expect(turn).toMatchObject({
      window: 'day',
      observed: -40,
      expected: 40,
      threshold: 20,
      spread: 80,
      n: 120,
    });
  });

  it('ignores a fall within the points allowed, and any rise', () => {
    expect(judgeSentimentTurn(hours([1, 2, 2], [1, 3, 1]), SETTINGS)).toBeNull();
    expect(judgeSentimentTurn(hours([3, 1, 1], [1, 1, 3]), SETTINGS)).toBeNull();
  });

  it('judges nothing on too few posts', () => {
    const thin = hours([0, 0, 0], [0, 0, 0]);
    const counts = thin.counts.map((c, i) => (i === 0 ? { negative: 0, neutral: 0, positive: 10 } : c));
    expect(judgeSentimentTurn({ start, counts }, SETTINGS)).toBeNull();
  });
});
