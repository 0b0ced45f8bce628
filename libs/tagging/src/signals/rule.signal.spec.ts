import { describe, expect, it } from 'vitest';
import { ruleSignal } from './rule.signal';
import { hit } from './thread.fixtures';

describe('ruleSignal', () => {
  it.each([
    { hits: [], weight: null, detail: null },
    { hits: [hit('student-loans', 'loan')], weight: 30, detail: 'student-loans (loan)' },
    { hits: [hit('student-loans', 'student', 'loan')], weight: 32, detail: 'student-loans (student, loan)' },
    {
      hits: [hit('a', 'student', 'loan'), hit('b', 'repay'), hit('c', 'plan'), hit('d', 'threshold')],
      weight: 30 + 10 + 2 * 4,
      detail: 'a (student, loan); b (repay); c (plan); d (threshold)',
    },
    {
      hits: [hit('many', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8')],
      weight: 30 + 2 * 5,
      detail: 'many (a1, a2, a3, a4, a5, a6, a7, a8)',
    },
  ])('$detail → $weight', ({ hits, weight, detail }) => {
    const signal = ruleSignal(hits);
    expect(signal?.weight ?? null).toBe(weight);
    expect(signal?.detail ?? null).toBe(detail);
  });
});
