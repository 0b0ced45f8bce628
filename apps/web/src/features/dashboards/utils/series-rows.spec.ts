import { describe, expect, it } from 'vitest';
import { bucketEnd, bucketLabel, seriesRows } from './series-rows';

describe('bucketLabel', () => {
  it.each([
    // 13:00 UTC on 3 November is 13:00 GMT.
    ['2026-11-03T13:00:00.000Z', 'hour', '3 Nov, 13:00'],
    // 23:00 UTC on 30 June is midnight BST on 1 July, the London day it begins.
    ['2026-06-30T23:00:00.000Z', 'day', 'Wed 1 Jul'],
    ['2026-11-02T00:00:00.000Z', 'week', 'Week of 2 Nov'],
  ] as const)('%s by %s → %s', (at, bucket, expected) => expect(bucketLabel(at, bucket)).toBe(expected));
});

describe('bucketEnd', () => {
  it('ends a day at the next London midnight, 25 hours later when the clocks go back', () =>
    // 25 October 2026 begins 24 Oct 23:00 UTC (BST) and ends 26 Oct 00:00 UTC (GMT).
    expect(bucketEnd('2026-10-24T23:00:00.000Z', 'day')).toBe('2026-10-26T00:00:00.000Z'));
  it('ends a week seven London days later', () =>
    expect(bucketEnd('2026-11-02T00:00:00.000Z', 'week')).toBe('2026-11-09T00:00:00.000Z'));
  it('ends an hour an hour later', () =>
    expect(bucketEnd('2026-11-02T05:00:00.000Z', 'hour')).toBe('2026-11-02T06:00:00.000Z'));
});

describe('seriesRows', () => {
  it('keeps a bucket with no data as null, not zero, and carries the spike flag', () =>
    expect(
      seriesRows(
        [
          { at: '2026-11-03T00:00:00.000Z', value: null, n: 0, numerator: null, denominator: null },
          { at: '2026-11-04T00:00:00.000Z', value: 7, n: 7, numerator: null, denominator: null, spike: true },
        ],
        'day',
        'Mentions',
      ),
    ).toEqual([
      { When: 'Tue 3 Nov', at: '2026-11-03T00:00:00.000Z', spike: false, Mentions: null },
      { When: 'Wed 4 Nov', at: '2026-11-04T00:00:00.000Z', spike: true, Mentions: 7 },
    ]));
});
