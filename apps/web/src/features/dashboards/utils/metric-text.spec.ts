import { describe, expect, it } from 'vitest';
import { describeChange, describeMovement, formatMetricValue, formatMinutes } from './metric-text';

const THIRTY_DAYS = { from: '2026-10-02T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };

describe('formatMetricValue', () => {
  it.each([
    [null, 'count', 'No data'],
    [null, 'percent', 'No data'],
    [0, 'count', '0'],
    [12345, 'count', '12,345'],
    [42.46, 'percent', '42.5%'],
    [0, 'percent', '0%'],
    [3.256, 'ratio', '3.26'],
    // 135 minutes = 2 h 15 min
    [135, 'minutes', '2 h 15 min'],
    [1.6, 'level', '1.6 of 3'],
    [12.5, 'currency', '£12.50'],
  ] as const)('%s %s → %s', (value, unit, expected) => expect(formatMetricValue(value, unit)).toBe(expected));
});

describe('formatMinutes', () => {
  it.each([
    [0.4, 'under a minute'],
    [45, '45 min'],
    [60, '1 h'],
    // 1,500 minutes = 1 day (1,440) + 60 minutes
    [1500, '1 day 1 h'],
    [2880, '2 days'],
  ])('%s → %s', (minutes, expected) => expect(formatMinutes(minutes)).toBe(expected));
});

describe('describeChange', () => {
  it('says a percentage moved in points', () =>
    expect(describeChange(4, 'percent', THIRTY_DAYS)).toBe('up 4 points on the previous 30 days'));
  it('says any other unit moved relatively', () =>
    expect(describeChange(-0.25, 'count', THIRTY_DAYS)).toBe('down 25% on the previous 30 days'));
  it('says no change', () =>
    expect(describeChange(0, 'minutes', THIRTY_DAYS)).toBe('no change on the previous 30 days'));
  it.each([
    [null, THIRTY_DAYS],
    [3, null],
  ])('has nothing to say without a change or a comparison (%s, %s)', (change, compare) =>
    expect(describeChange(change, 'count', compare)).toBeNull(),
  );
});

describe('describeMovement', () => {
  // 3 now, 0 before: (3 − 0) ÷ 0 has no value, so the api sends change null; the words still say what happened.
  it('says a rise from nothing', () =>
    expect(describeMovement({ value: 3, previous: 0, change: null, unit: 'count' }, THIRTY_DAYS)).toBe(
      'up from none in the previous 30 days',
    ));
  it('otherwise says the change', () =>
    expect(describeMovement({ value: 50, previous: 46, change: 4, unit: 'percent' }, THIRTY_DAYS)).toBe(
      'up 4 points on the previous 30 days',
    ));
  it('says nothing without a comparison', () =>
    expect(describeMovement({ value: 3, previous: null, change: null, unit: 'count' }, null)).toBeNull());
});
