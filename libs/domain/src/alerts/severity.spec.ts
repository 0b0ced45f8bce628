import { describe, expect, it } from 'vitest';
import { severityOf } from './severity';

describe('severityOf', () => {
  it.each([
    [{ size: 1.1, sources: 1, platforms: 1, reach: 500 }, 1],
    [{ size: 1.6, sources: 1, platforms: 1, reach: 500 }, 2],
    [{ size: 3.2, sources: 1, platforms: 1, reach: 500 }, 3],
    [{ size: 1.1, sources: 3, platforms: 1, reach: 500 }, 2],
    [{ size: 1.1, sources: 1, platforms: 2, reach: 500 }, 2],
    [{ size: 1.1, sources: 1, platforms: 1, reach: 250_000 }, 2],
    [{ size: 9, sources: 6, platforms: 3, reach: 2_000_000 }, 5],
  ])('%o → %i', (input, severity) => {
    expect(severityOf(input)).toBe(severity);
  });
});
