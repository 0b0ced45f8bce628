import { describe, expect, it } from 'vitest';
import {
  change,
  comparisonWindow,
  hourOf,
  londonDayStart,
  londonTime,
  nextLondonDay,
  median,
  p90,
  parseWindow,
  percentile,
  plainValue,
  ratio,
  ratioValue,
} from './conventions';

const at = (iso: string) => new Date(iso);

describe('ratio (ratio of sums)', () => {
  it.each([
    [3, 4, 100, 75],
    [0, 5, 100, 0],
    [0, 0, 100, null],
    [7, 0, 1, null],
    [5, 2, 1, 2.5],
  ])('%s ÷ %s × %s → %s', (numerator, denominator, scale, expected) =>
    expect(ratio(numerator, denominator, scale)).toBe(expected),
  );
});

describe('change against the comparison window', () => {
  it.each([
    // Percentages move in points, everything else relatively.
    [75, 50, 'percent', 25],
    [40, 60, 'percent', -20],
    [3, 2, 'ratio', 0.5],
    [90, 120, 'minutes', -0.25],
    [12, 0, 'count', null],
    [null, 50, 'percent', null],
    [50, null, 'percent', null],
  ] as const)('%s after %s (%s) → %s', (value, previous, unit, expected) =>
    expect(change(value, previous, unit)).toBe(expected),
  );
});

describe('ratioValue', () => {
  it('carries n, numerator and denominator, and compares in points for a percentage', () => {
    expect(
      ratioValue({
        numerator: 12,
        denominator: 40,
        unit: 'percent',
        stage: 'outputs',
        previous: { numerator: 6, denominator: 24 },
        excluded: 3,
      }),
    ).toEqual({
      value: 30,
      n: 40,
      numerator: 12,
      denominator: 40,
      previous: 25,
      change: 5,
      unit: 'percent',
      stage: 'outputs',
      smallSample: false,
      excluded: 3,
    });
  });

  it.each([
    // n below 30 is a small sample; 30 itself is not.
    [3, 4, 75, true],
    [29, 29, 100, true],
    [15, 30, 50, false],
  ])('%s of %s → %s%%, small sample %s', (numerator, denominator, value, small) => {
    const result = ratioValue({ numerator, denominator, unit: 'percent', stage: 'outputs' });
    expect(result.value).toBe(value);
    expect(result.smallSample).toBe(small);
  });

  it('gives null, not 0, for a zero denominator, and no change against it', () => {
    const result = ratioValue({
      numerator: 0,
      denominator: 0,
      unit: 'percent',
      stage: 'outtakes',
      previous: { numerator: 1, denominator: 2 },
    });
    expect(result).toMatchObject({ value: null, n: 0, previous: 50, change: null, smallSample: true });
  });

  it('takes n from the caller where observations are not the denominator', () => {
    const result = ratioValue({ numerator: 90, denominator: 30, unit: 'ratio', stage: 'outtakes', n: 30 });
    expect(result).toMatchObject({ value: 3, n: 30, smallSample: false });
  });
});

describe('plainValue', () => {
  it('compares a count relatively and has no numerator or denominator', () => {
    expect(plainValue({ value: 45, n: 45, unit: 'count', stage: 'inputs', previous: 30 })).toEqual({
      value: 45,
      n: 45,
      numerator: null,
      denominator: null,
      previous: 30,
      change: 0.5,
      unit: 'count',
      stage: 'inputs',
      smallSample: false,
      excluded: 0,
    });
  });
});

describe('percentile (nearest rank)', () => {
  const five = [40, 15, 50, 35, 20];
  it.each([
    [five, 30, 20],
    [five, 40, 20],
    [five, 50, 35],
    [five, 100, 50],
    [[7], 90, 7],
    [[], 50, null],
  ])('%j at %s → %s', (values, p, expected) => expect(percentile(values, p)).toBe(expected));

  it('takes the lower middle value as the median of an even count, always an observed value', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
  });

  it.each([
    [Array.from({ length: 10 }, (_, i) => i + 1), 9],
    [Array.from({ length: 20 }, (_, i) => i + 1), 18],
    [Array.from({ length: 11 }, (_, i) => i + 1), 10],
  ])('p90 of 1..%# → %s', (values, expected) => expect(p90(values)).toBe(expected));

  it.each([0, -5, 101])('refuses percentile %s', (p) => expect(() => percentile([1], p)).toThrow(RangeError));
});

describe('parseWindow', () => {
  it.each([
    ['2026-03-01', '2026-03-08', '2026-03-01T00:00:00.000Z', '2026-03-08T00:00:00.000Z'],
    [
      '2026-06-01T09:00:00+01:00',
      '2026-06-01T17:00:00Z',
      '2026-06-01T08:00:00.000Z',
      '2026-06-01T17:00:00.000Z',
    ],
  ])('%s to %s', (from, to, fromIso, toIso) => {
    const window = parseWindow(from, to);
    expect([window.from.toISOString(), window.to.toISOString()]).toEqual([fromIso, toIso]);
  });

  it.each([
    ['2026-03-08', '2026-03-01', 'to', 'The end of the period must be after its start'],
    ['2026-03-01', '2026-03-01', 'to', 'The end of the period must be after its start'],
    ['2025-01-01', '2026-03-01', 'to', 'A period can be at most 400 days long'],
    [
      '2026-03-01T09:00',
      '2026-03-08',
      'from',
      'from must be a date (2026-01-31) or a time with its offset (2026-01-31T09:00:00Z)',
    ],
    [
      'last week',
      '2026-03-08',
      'from',
      'from must be a date (2026-01-31) or a time with its offset (2026-01-31T09:00:00Z)',
    ],
    ['2026-02-01', '2026-02-30', 'to', 'to is not a real date'],
  ])('refuses %s to %s (%s: %s)', (from, to, path, message) => {
    expect(() => parseWindow(from, to)).toThrow(
      expect.objectContaining({ code: 'invalid', message, problems: [{ path, message }] }),
    );
  });

  it('allows exactly 400 days', () => {
    expect(parseWindow('2026-01-01', '2027-02-05').to.toISOString()).toBe('2027-02-05T00:00:00.000Z');
  });
});

describe('comparisonWindow', () => {
  it('is the window of the same length just before, ending where this one starts', () => {
    expect(
      comparisonWindow({ from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z') }, 'previous'),
    ).toEqual({
      from: at('2026-02-22T00:00:00Z'),
      to: at('2026-03-01T00:00:00Z'),
    });
  });

  it('is null with compare=none', () => {
    expect(
      comparisonWindow({ from: at('2026-03-01T00:00:00Z'), to: at('2026-03-08T00:00:00Z') }, 'none'),
    ).toBeNull();
  });
});

describe('times', () => {
  it.each([
    ['2026-07-01T12:30:00Z', '1 Jul 2026, 13:30 BST'],
    ['2026-01-01T00:05:00Z', '1 Jan 2026, 00:05 GMT'],
    // Clocks go forward at 01:00 UTC on 29 March 2026.
    ['2026-03-29T00:30:00Z', '29 Mar 2026, 00:30 GMT'],
    ['2026-03-29T01:30:00Z', '29 Mar 2026, 02:30 BST'],
  ])('%s is shown as %s', (iso, shown) => expect(londonTime(at(iso))).toBe(shown));

  it('buckets an instant into its UTC hour', () => {
    expect(hourOf(at('2026-03-29T01:59:59.999Z'))).toEqual(at('2026-03-29T01:00:00Z'));
  });
});

describe('London days', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15T00:00:00.000Z', '2026-01-16T00:00:00.000Z'],
    ['2026-07-01T22:59:00Z', '2026-06-30T23:00:00.000Z', '2026-07-01T23:00:00.000Z'],
    // 23:30 UTC on 1 July is already 2 July in London.
    ['2026-07-01T23:30:00Z', '2026-07-01T23:00:00.000Z', '2026-07-02T23:00:00.000Z'],
    // 29 March 2026 is 23 hours long (clocks forward), 25 October 25 hours (clocks back).
    ['2026-03-29T12:00:00Z', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z'],
    ['2026-10-25T12:00:00Z', '2026-10-24T23:00:00.000Z', '2026-10-26T00:00:00.000Z'],
  ])('%s falls in the London day from %s to %s', (iso, start, next) => {
    const day = londonDayStart(at(iso));
    expect([day.toISOString(), nextLondonDay(day).toISOString()]).toEqual([start, next]);
  });
});
