import { describe, expect, it } from 'vitest';
import { wholeDayMasks } from './mention-rollup.repository';

const bits = (mask: string) => [...mask].flatMap((b, i) => (b === '1' ? [i] : []));

describe('wholeDayMasks', () => {
  it('marks only the whole UTC days of a window, by their place in the year', () => {
    // 1 Feb 12:00 to 4 Feb 06:00: whole days 2 and 3 February, days 32 and 33 of the year (1 January is 0).
    const masks = wholeDayMasks(new Date('2026-02-01T12:00:00Z'), new Date('2026-02-04T06:00:00Z'));
    expect(masks.map((m) => [m.year, bits(m.mask), m.mask.length])).toEqual([[2026, [32, 33], 366]]);
  });

  it('splits a window across the new year, and gives none for less than a day', () => {
    const masks = wholeDayMasks(new Date('2026-12-31T00:00:00Z'), new Date('2027-01-02T00:00:00Z'));
    // 31 December 2026 is day 364 (2026 is not a leap year); 1 January 2027 is day 0.
    expect(masks.map((m) => [m.year, bits(m.mask)])).toEqual([
      [2026, [364]],
      [2027, [0]],
    ]);
    expect(wholeDayMasks(new Date('2026-06-10T01:00:00Z'), new Date('2026-06-10T23:00:00Z'))).toEqual([]);
  });
});
