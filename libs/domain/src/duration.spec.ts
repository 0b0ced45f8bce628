import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['5', null],
    ['m5', null],
    ['1.5h', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(parseDuration(text)).toBe(expected));
});
