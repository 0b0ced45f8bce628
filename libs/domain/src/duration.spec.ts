import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

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

describe('formatDuration', () => {
  it.each([
    [30_000, '30s'],
    [90_000, '90s'],
    [300_000, '5m'],
    [5_400_000, '90m'],
    [3_600_000, '1h'],
    [172_800_000, '2d'],
  ])('%s → %s, which parses back', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
