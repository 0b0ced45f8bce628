import { describe, expect, it } from 'vitest';
import { auditCsvHref, auditParamsProblem, auditSearch, parseAuditParams } from './audit-params';

describe('audit page filters in the URL', () => {
  const parse = (query: string) => parseAuditParams(new URLSearchParams(query), ['dfe', 'dwp']);

  it.each([
    ['', { department: null, actor: '', action: '', from: '', to: '' }],
    [
      'department=dfe&actor=%20jo%20&action=rule&from=2026-11-01&to=2026-11-30',
      { department: 'dfe', actor: 'jo', action: 'rule', from: '2026-11-01', to: '2026-11-30' },
    ],
    // What the person cannot choose falls back to "any": another department, an unknown action, a bad day.
    [
      'department=hmrc&action=drop&from=yesterday&to=2026-13',
      { department: null, actor: '', action: '', from: '', to: '' },
    ],
  ])('%j', (query, expected) => expect(parse(query)).toEqual(expected));

  it('writes back only what is set, and exports the same view', () => {
    const params = parse('department=dfe&action=rule&from=2026-11-01');
    expect(auditSearch(params).toString()).toBe('department=dfe&action=rule&from=2026-11-01');
    expect(auditCsvHref(params)).toBe('/api/audit.csv?department=dfe&action=rule&from=2026-11-01');
    expect(auditCsvHref(parse(''))).toBe('/api/audit.csv');
  });

  it('refuses a range that ends before it starts', () => {
    expect(auditParamsProblem({ from: '2026-11-02', to: '2026-11-01' })).toMatch(/after/);
    expect(auditParamsProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeNull();
    expect(auditParamsProblem({ from: '', to: '2026-11-01' })).toBeNull();
  });
});
