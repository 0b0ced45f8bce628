import { describe, expect, it } from 'vitest';
import { defaultRecordsParams, recordsHref, recordsParamsProblems } from './records-params';

describe('records params', () => {
  it('starts on the month so far, as a web page', () => {
    expect(defaultRecordsParams('dft', new Date('2026-12-17T23:30:00Z'))).toEqual({
      department: 'dft',
      from: '2026-12-01',
      to: '2026-12-17',
      format: 'html',
    });
  });

  it.each([
    [{ from: '2026-12-01', to: '2026-12-01' }, []],
    [{ from: '', to: '2026-12-01' }, [{ field: 'from', text: 'Enter the first day of the period' }]],
    [{ from: '2026-12-01', to: '' }, [{ field: 'to', text: 'Enter the last day of the period' }]],
    [
      { from: '2026-12-02', to: '2026-12-01' },
      [{ field: 'to', text: 'The last day must be the same as or after the first day' }],
    ],
  ])('checks the period %o', (period, problems) => {
    expect(recordsParamsProblems({ department: 'dft', format: 'csv', ...period })).toEqual(problems);
  });

  it('downloads from the export with every field', () => {
    expect(recordsHref({ department: 'dft', from: '2026-12-01', to: '2026-12-31', format: 'csv' })).toBe(
      '/api/records/export?department=dft&from=2026-12-01&to=2026-12-31&format=csv',
    );
  });
});
