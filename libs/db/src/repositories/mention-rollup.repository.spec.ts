import { describe, expect, it } from 'vitest';
import { wholeLondonDays } from './mention-rollup.repository';

const bits = (mask: string) => [...mask].flatMap((b, i) => (b === '1' ? [i] : []));
const years = (from: string, to: string) =>
  wholeLondonDays(new Date(from), new Date(to)).years.map((y) => [y.year, y.first, y.last, bits(y.mask)]);

describe('wholeLondonDays', () => {
  it('marks only the whole London days of a winter window, by their place in the year', () => {
    // 1 Feb 12:00 to 4 Feb 06:00 (GMT): whole days 2 and 3 February, days 32 and 33 of the year (1 January is 0).
    const days = wholeLondonDays(new Date('2026-02-01T12:00:00Z'), new Date('2026-02-04T06:00:00Z'));
    expect([days.start.toISOString(), days.end.toISOString()]).toEqual([
      '2026-02-02T00:00:00.000Z',
      '2026-02-04T00:00:00.000Z',
    ]);
    expect(days.years.map((y) => [y.year, y.first, y.last, bits(y.mask), y.mask.length])).toEqual([
      [2026, 32, 33, [32, 33], 366],
    ]);
  });

  it('takes a summer day from 23:00 UTC, as London begins it', () => {
    // 10 and 11 June in London (BST): 9 June 23:00 UTC to 11 June 23:00 UTC. 10 June is day 31+28+31+30+31+9 = 160.
    const days = wholeLondonDays(new Date('2026-06-09T23:00:00Z'), new Date('2026-06-11T23:00:00Z'));
    expect([days.start.toISOString(), days.end.toISOString()]).toEqual([
      '2026-06-09T23:00:00.000Z',
      '2026-06-11T23:00:00.000Z',
    ]);
    expect(days.years.map((y) => [y.first, y.last])).toEqual([[160, 161]]);
    // The same dates read as UTC midnights: only 10 June 23:00 to 11 June 23:00 is a whole London day.
    expect(years('2026-06-10T00:00:00Z', '2026-06-12T00:00:00Z')).toEqual([[2026, 161, 161, [161]]]);
  });

  it('counts the day the clocks go forward (23 hours) as one day', () => {
    // 29 March 2026 begins at 00:00 UTC (GMT) and ends at 23:00 UTC (BST): day 31+28+28 = 87.
    expect(years('2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z')).toEqual([[2026, 87, 87, [87]]]);
  });

  it('splits a window across the new year, and gives none for less than a day', () => {
    // 31 December 2026 is day 364 (2026 is not a leap year); 1 January 2027 is day 0.
    expect(years('2026-12-31T00:00:00Z', '2027-01-02T00:00:00Z')).toEqual([
      [2026, 364, 364, [364]],
      [2027, 0, 0, [0]],
    ]);
    const none = wholeLondonDays(new Date('2026-06-10T01:00:00Z'), new Date('2026-06-10T22:00:00Z'));
    expect(none.years).toEqual([]);
    // Both edges are then one partial day: from the next midnight (start = end) nothing is whole.
    expect(none.start.getTime()).toBe(none.end.getTime());
  });
});
