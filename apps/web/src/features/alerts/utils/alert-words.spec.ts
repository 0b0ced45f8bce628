import type { AlertMeasure } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import {
  accuracyInWords,
  alertTitle,
  measureInWords,
  newParticipantsInWords,
  scopeInWords,
  severityInWords,
} from './alert-words';

const measure = (over: Partial<AlertMeasure>): AlertMeasure => ({
  window: 'hour',
  observed: 42,
  expected: 8,
  threshold: 15,
  spread: 3.5,
  n: 310,
  baselineN: 1200,
  unit: 'mentions per hour',
  ...over,
});

describe('alert words', () => {
  it.each([
    [1, 'Severity 1 of 5 — very low'],
    [3, 'Severity 3 of 5 — moderate'],
    [4, 'Severity 4 of 5 — high'],
    [5, 'Severity 5 of 5 — very high'],
  ])('says severity %i as "%s"', (severity, words) => {
    expect(severityInWords(severity)).toBe(words);
  });

  it.each([
    [measure({}), 'Observed 42 an hour against an expected 8; the bar was 15; 310 posts.'],
    [
      measure({ observed: 12.46, expected: 2.04, threshold: 6.5, n: 1 }),
      'Observed 12.5 an hour against an expected 2; the bar was 6.5; 1 post.',
    ],
    [
      measure({ unit: 'net sentiment points', observed: -25, expected: 4, threshold: -16, n: 90 }),
      'Net sentiment was -25 against an expected +4; the bar was -16; 90 posts.',
    ],
  ])('puts the measure in words', (m, words) => {
    expect(measureInWords(m)).toBe(words);
  });

  it('names the scope and the kind without internal keys', () => {
    expect(scopeInWords({ type: 'department', id: null, label: 'DfE' })).toBe('the whole department');
    expect(alertTitle({ kind: 'partner', scope: { type: 'partner', id: 'x', label: 'Tesco' } })).toBe(
      'Campaign against a delivery partner: the partner “Tesco”',
    );
    expect(alertTitle({ kind: 'spike', scope: { type: 'rule', id: 'x', label: 'Loans' } })).not.toMatch(
      /spike/,
    );
  });

  it('gives shares as percentages, and nothing when unknown', () => {
    expect(newParticipantsInWords(0.634)).toMatch(/^63% of the people posting/);
    expect(newParticipantsInWords(null)).toBeNull();
    expect(accuracyInWords(0.82)).toMatch(/about 82% of the time/);
    expect(accuracyInWords(82)).toMatch(/about 82% of the time/);
    expect(accuracyInWords(null)).toBeNull();
  });
});
