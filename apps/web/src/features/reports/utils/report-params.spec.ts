import { describe, expect, it } from 'vitest';
import { dayAfter, parseReportParams, reportHref, reportParamsProblem } from './report-params';

describe('report params', () => {
  const today = new Date('2026-12-01T10:00:00Z');

  it('falls back to the last 30 days of the first department, as an overview', () => {
    // 1 Dec − 30 days = 1 Nov; the last day is yesterday, 30 Nov.
    expect(
      parseReportParams(new URLSearchParams('department=nope&level=all'), ['home', 'away'], today),
    ).toEqual({
      department: 'home',
      from: '2026-11-01',
      to: '2026-11-30',
      level: 'overview',
    });
  });

  it('keeps a valid link as it is', () => {
    const search = new URLSearchParams('department=away&from=2026-10-01&to=2026-10-31&level=full');
    expect(parseReportParams(search, ['home', 'away'], today)).toEqual({
      department: 'away',
      from: '2026-10-01',
      to: '2026-10-31',
      level: 'full',
    });
  });

  it('asks the api for the window ending the day after the last day, across a month and the clocks', () => {
    expect(dayAfter('2026-10-31')).toBe('2026-11-01');
    expect(dayAfter('2026-03-29')).toBe('2026-03-30');
    expect(
      reportHref({ department: 'home', from: '2026-11-01', to: '2026-11-30', level: 'snapshot' }, 'pdf'),
    ).toBe('/api/reports/impact?department=home&from=2026-11-01&to=2026-12-01&level=snapshot&format=pdf');
  });

  it('refuses a period that ends before it starts', () => {
    expect(reportParamsProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/after the “from” date/);
    expect(reportParamsProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });
});
