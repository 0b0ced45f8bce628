import { describe, expect, it } from 'vitest';
import { costInWindow, recordCost, toPence } from './input-cost';

const quarter = {
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-04-01T00:00:00Z'),
  staffHours: 30,
  hourlyRate: 40,
  toolCost: 300,
};

describe('input cost', () => {
  it('is staff hours × rate + tool cost', () => {
    // 30 × 40 + 300 = 1,500.
    expect(recordCost(quarter)).toBe(1500);
  });

  it('apportions a record to the part of the window it shares', () => {
    // The quarter is 90 days (31 + 28 + 31); January 1–31 is 30 of them: 1,500 × 30/90 = 500.
    const january = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-31T00:00:00Z') };
    expect(costInWindow(quarter, january)).toBeCloseTo(500, 10);
  });

  it('counts all of a record inside the window and none of one outside it', () => {
    const year = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    expect(costInWindow(quarter, year)).toBe(1500);
    const later = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') };
    expect(costInWindow(quarter, later)).toBe(0);
  });

  it('rounds to pence', () => {
    expect(toPence(1500 / 7)).toBe(214.29);
  });
});
