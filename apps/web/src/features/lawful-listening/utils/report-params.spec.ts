import { describe, expect, it } from 'vitest';
import { periodOf, periodProblem, reportQuery } from './report-params';

describe('periodOf', () => {
  const today = new Date('2026-12-01T10:00:00Z');
  it('defaults to the 28 days up to today', () =>
    expect(periodOf(new URLSearchParams(), today)).toEqual({ from: '2026-11-04', to: '2026-12-01' }));
  it('keeps the days the URL names', () =>
    expect(periodOf(new URLSearchParams('from=2026-10-01&to=2026-10-31'), today)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    }));
  it('ignores what is not a day', () =>
    expect(periodOf(new URLSearchParams('from=yesterday'), today).from).toBe('2026-11-04'));
});

describe('reportQuery', () => {
  it('includes the to day and asks for CSV when downloading', () => {
    expect(reportQuery({ from: '2026-11-01', to: '2026-11-30' })).toBe('from=2026-11-01&to=2026-12-01');
    expect(reportQuery({ from: '2026-11-01', to: '2026-11-30' }, 'csv')).toBe(
      'from=2026-11-01&to=2026-12-01&format=csv',
    );
  });
});

describe('periodProblem', () => {
  it('refuses a period that ends before it starts', () => {
    expect(periodProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/after/);
    expect(periodProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });
});
