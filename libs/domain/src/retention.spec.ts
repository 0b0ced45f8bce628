import { describe, expect, it } from 'vitest';
import { effectiveRetention, retentionCutoff } from './retention';

describe('retention', () => {
  it('cuts off whole days before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 30).toISOString()).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });

  it.each([
    [{ days: 30, action: 'delete' as const }, { days: 365, action: 'pseudonymise' as const }, 30],
    [null, { days: 365, action: 'pseudonymise' as const }, 365],
    [null, null, null],
  ])('a source follows its own setting before the default (%o, %o)', (own, fallback, days) => {
    expect(effectiveRetention(own, fallback)?.days ?? null).toBe(days);
  });
});
