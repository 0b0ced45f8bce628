import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts } from './buckets';

const at = (iso: string) => new Date(iso);
const isos = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('buckets', () => {
  it('cuts hours in UTC', () => {
    expect(
      isos(bucketStarts({ from: at('2026-03-29T00:30:00Z'), to: at('2026-03-29T03:00:00Z') }, 'hour')),
    ).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']);
  });

  it('cuts days at London midnight, across the clocks going forward', () => {
    expect(
      isos(bucketStarts({ from: at('2026-03-28T00:00:00Z'), to: at('2026-03-30T12:00:00Z') }, 'day')),
    ).toEqual(['2026-03-28T00:00:00.000Z', '2026-03-29T00:00:00.000Z', '2026-03-29T23:00:00.000Z']);
  });

  it('begins weeks on Monday in London', () => {
    // Wednesday 1 July 2026 (BST): its week began on Monday 29 June at 00:00 London, 23:00 UTC on the 28th.
    expect(bucketStart(at('2026-07-01T10:00:00Z'), 'week').toISOString()).toBe('2026-06-28T23:00:00.000Z');
    // A Monday's own week begins that Monday.
    expect(bucketStart(at('2026-12-07T09:00:00Z'), 'week').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    // Across the clocks going back (Sunday 25 October 2026): the week of Monday 26th begins at 00:00 GMT.
    expect(
      isos(bucketStarts({ from: at('2026-10-21T00:00:00Z'), to: at('2026-10-27T00:00:00Z') }, 'week')),
    ).toEqual(['2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z']);
  });
});
