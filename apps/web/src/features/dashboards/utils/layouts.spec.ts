import { describe, expect, it } from 'vitest';
import { METRIC_IDS } from '@parley/domain';
import { EVALUATION_ROWS } from './layouts';
import { STAGE_HEADLINES } from './stages';

describe('the evaluation dashboard', () => {
  it('shows every metric of the catalogue, each in one row (the stage tiles repeat some)', () => {
    const placed = EVALUATION_ROWS.flatMap((row) => row.metrics);
    expect(new Set(placed).size).toBe(placed.length);
    // opportunities heads the Inputs stage and has no row of its own; the other 25 sit in the rows.
    expect([...new Set([...placed, ...Object.values(STAGE_HEADLINES)])].sort()).toEqual(
      [...METRIC_IDS].sort(),
    );
  });
});
