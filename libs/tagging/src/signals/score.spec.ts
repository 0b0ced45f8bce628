import type { Signal } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { scoreSignals, SIGNAL_WEIGHTS } from './score';

const w = (...weights: number[]): Signal[] => weights.map((weight) => ({ kind: 'rule', detail: '', weight }));

describe('scoreSignals', () => {
  it.each([
    { signals: w(), score: 0 },
    { signals: w(30, 25), score: 55 },
    { signals: w(30, 25, 15, 10, 10, 10, 10, 10), score: 100 },
    { signals: w(30, -60), score: 0 },
    { signals: w(30.4, 0.2), score: 31 },
    { signals: w(30, 25, -20), score: 35 },
  ])('$signals.length signals → $score', ({ signals, score }) => expect(scoreSignals(signals)).toBe(score));

  it('keeps noise strong enough to sink a matched rule with a question', () => {
    const best = SIGNAL_WEIGHTS.rule.base + SIGNAL_WEIGHTS.question.onTopic;
    expect(best + SIGNAL_WEIGHTS.noise.spam).toBeLessThanOrEqual(0);
  });
});
