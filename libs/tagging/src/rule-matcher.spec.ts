import { describe, expect, it } from 'vitest';
import { RuleMatcher } from './rule-matcher';

const rule = (key: string, query: string) => ({
  id: key,
  key,
  version: 1,
  query,
  departmentId: 'd1',
  department: 'dfe',
});

describe('RuleMatcher', () => {
  const matcher = new RuleMatcher([
    rule('loans', 'student loan'),
    rule('term', 'term dates'),
    rule('stop', 'the and'),
  ]);

  it.each([
    ['When do STUDENT LOANS get repaid?', ['loans']],
    ['Loan for a student', ['loans']],
    ['Student finance help', []],
    ['When are the term dates and loans for students?', ['term', 'loans']],
    ['', []],
  ])('%s', (text, keys) => {
    expect(
      matcher
        .match(text)
        .map((m) => m.rule.key)
        .sort(),
    ).toEqual([...keys].sort());
  });

  it('reports a rule with no searchable words instead of matching everything', () => {
    expect(matcher.problems).toEqual([
      { key: 'stop', message: expect.stringContaining('no searchable words') },
    ]);
  });
});
