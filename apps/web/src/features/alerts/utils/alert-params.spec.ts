import { describe, expect, it } from 'vitest';
import { alertQuery, alertSearch, parseAlertParams } from './alert-params';

describe('alert filters in the URL', () => {
  it('keeps what it knows and drops the rest', () => {
    const params = parseAlertParams(new URLSearchParams('department=dfe&status=open&kind=spike&period=7d'), [
      'dfe',
    ]);
    expect(params).toEqual({ department: 'dfe', status: 'open', kind: 'spike', period: '7d' });
    expect(
      parseAlertParams(new URLSearchParams('department=hmrc&status=lost&kind=x&period=1y'), ['dfe']),
    ).toEqual({ department: '', status: '', kind: '', period: '30d' });
  });

  it('round-trips through the query string', () => {
    const params = { department: 'dfe', status: 'closed', kind: '', period: 'all' } as const;
    expect(parseAlertParams(alertSearch(params), ['dfe'])).toEqual(params);
    expect(alertSearch(params).toString()).toBe('department=dfe&status=closed&period=all');
  });

  it('asks the api from a whole minute back, and for nothing with any time', () => {
    const now = new Date('2026-12-01T18:30:45Z');
    expect(alertQuery({ department: '', status: '', kind: '', period: '24h' }, now)).toEqual({
      department: undefined,
      status: undefined,
      kind: undefined,
      from: '2026-11-30T18:30:00.000Z',
    });
    expect(alertQuery({ department: '', status: 'open', kind: '', period: 'all' }, now).from).toBeUndefined();
  });
});
