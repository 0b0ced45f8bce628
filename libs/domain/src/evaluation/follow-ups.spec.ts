import { describe, expect, it } from 'vitest';
import { followUpDueAt, followUpsFor } from './follow-ups';

const at = (iso: string) => new Date(iso);

describe('followUpDueAt', () => {
  it.each([
    // Closed 10:00 BST on 31 August: 3 months is 30 November (no 31st), from London midnight (GMT).
    ['2026-08-31T09:00:00Z', 3, '2026-11-30T00:00:00.000Z'],
    // 6 months: February has 28 days in 2027.
    ['2026-08-31T09:00:00Z', 6, '2027-02-28T00:00:00.000Z'],
    // 12 months: 31 August 2027, London midnight in BST is 23:00 UTC the evening before.
    ['2026-08-31T09:00:00Z', 12, '2027-08-30T23:00:00.000Z'],
    // A leap year keeps the 29th.
    ['2027-08-31T09:00:00Z', 6, '2028-02-29T00:00:00.000Z'],
    // 00:30 BST on 1 July is 30 June in UTC: counted from London's 1 July, due 1 October (still BST).
    ['2026-06-30T23:30:00Z', 3, '2026-09-30T23:00:00.000Z'],
    // Closed in winter (GMT), due after the clocks went forward on 29 March: midnight BST.
    ['2026-01-15T12:00:00Z', 3, '2026-04-14T23:00:00.000Z'],
    // Closed in summer (BST), due the day after the clocks went back on 25 October: midnight GMT.
    ['2026-07-26T10:00:00Z', 3, '2026-10-26T00:00:00.000Z'],
    // 12 months across a year end.
    ['2026-12-31T23:59:00Z', 12, '2027-12-31T00:00:00.000Z'],
  ] as const)('closed %s, %i months → %s', (closedAt, months, due) => {
    expect(followUpDueAt(at(closedAt), months).toISOString()).toBe(due);
  });

  it('gives the three follow-ups in order', () => {
    expect(followUpsFor(at('2026-03-01T10:00:00Z')).map((f) => [f.months, f.dueAt.toISOString()])).toEqual([
      [3, '2026-05-31T23:00:00.000Z'],
      [6, '2026-08-31T23:00:00.000Z'],
      [12, '2027-03-01T00:00:00.000Z'],
    ]);
  });
});
