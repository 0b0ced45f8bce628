import { describe, expect, it } from 'vitest';
import { bucketFor, dashboardSearch, dashboardWindow, parseDashboardParams } from './dashboard-params';

const parse = (query: string) => parseDashboardParams(new URLSearchParams(query), ['dfe', 'dhsc']);

describe('parseDashboardParams', () => {
  it('defaults to the first department, the last 30 days and the previous period', () =>
    expect(parse('')).toEqual({
      department: 'dfe',
      period: '30d',
      from: '',
      to: '',
      compare: 'previous',
      objective: '',
      theme: '',
      channel: '',
    }));

  it('reads every filter a link carries', () =>
    expect(
      parse(
        'department=dhsc&period=custom&from=2026-11-01&to=2026-11-30&compare=none&objective=o-1&theme=fees&channel=bluesky',
      ),
    ).toEqual({
      department: 'dhsc',
      period: 'custom',
      from: '2026-11-01',
      to: '2026-11-30',
      compare: 'none',
      objective: 'o-1',
      theme: 'fees',
      channel: 'bluesky',
    }));

  it.each([
    ['department=mod', 'department', 'dfe'],
    ['period=custom&from=2026-11-30&to=2026-11-01', 'period', '30d'],
    ['period=year', 'period', '30d'],
    ['compare=yesterday', 'compare', 'previous'],
    ['channel=fax', 'channel', ''],
    ['theme=<script>', 'theme', ''],
  ] as const)('refuses %s', (query, key, expected) => expect(parse(query)[key]).toBe(expected));

  it('round-trips through the URL', () => {
    const params = parse('department=dhsc&period=custom&from=2026-11-01&to=2026-11-30&theme=fees');
    expect(parseDashboardParams(dashboardSearch(params), ['dfe', 'dhsc'])).toEqual(params);
  });
});

describe('dashboardWindow', () => {
  it('counts a preset back in whole London days, ending tonight', () =>
    // 1 December 2026 is GMT: tomorrow begins 2 Dec 00:00 UTC; seven days back is 25 Nov 00:00 UTC.
    expect(dashboardWindow(parse('period=7d'), new Date('2026-12-01T15:00:00Z'))).toEqual({
      from: '2026-11-25T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
    }));

  it('begins a summer day at 23:00 UTC the evening before', () =>
    // 1–2 July 2026 in BST: 30 June 23:00 UTC to 2 July 23:00 UTC (the end day is inclusive).
    expect(dashboardWindow(parse('period=custom&from=2026-07-01&to=2026-07-02'), new Date())).toEqual({
      from: '2026-06-30T23:00:00.000Z',
      to: '2026-07-02T23:00:00.000Z',
    }));

  it('keeps a week across the clocks going back whole days', () =>
    // The clocks go back on 25 October 2026: 22 Oct begins 21 Oct 23:00 UTC (BST); 29 Oct ends 30 Oct 00:00 UTC (GMT).
    expect(dashboardWindow(parse('period=7d'), new Date('2026-10-29T12:00:00Z'))).toEqual({
      from: '2026-10-22T23:00:00.000Z',
      to: '2026-10-30T00:00:00.000Z',
    }));
});

describe('bucketFor', () => {
  it.each([
    [{ from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' }, 'hour'],
    [{ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, 'day'],
    [{ from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, 'week'],
  ] as const)('%o → %s', (window, bucket) => expect(bucketFor(window)).toBe(bucket));
});
