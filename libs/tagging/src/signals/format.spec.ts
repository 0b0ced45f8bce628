import { describe, expect, it } from 'vitest';
import { formatSpan } from './format';

describe('formatSpan', () => {
  it.each([
    [0, 'under a minute'],
    [20_000, 'under a minute'],
    [45_000, '1 min'],
    [30 * 60_000, '30 min'],
    [3 * 3_600_000, '3 h'],
    [5 * 86_400_000, '5 days'],
  ])('%d ms → %s', (ms, expected) => expect(formatSpan(ms)).toBe(expected));
});
