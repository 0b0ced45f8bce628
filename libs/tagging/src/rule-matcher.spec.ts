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
    rule('term', '"term dates"'),
    rule('consult', 'consult* -spam'),
    rule('near', 'loan NEAR/3 repay'),
    rule('site', 'site:gov.uk'),
    rule('tag', '#uc OR @dwp'),
    rule('broken', '(student'),
  ]);

  it.each([
    ['When do STUDENT LOANS get repaid?', ['loans']],
    ['Loan for a student', ['loans']],
    ['Student finance help', []],
    ['When are the term dates for students with a loan?', ['term', 'loans']],
    ['The consultation closes soon', ['consult']],
    ['The consultation is spam', []],
    ['How do I repay the loan early?', ['near']],
    ['Payments moved again #UC', ['tag']],
    ['', []],
  ])('%s', (text, keys) => {
    expect(
      matcher
        .match(text)
        .map((m) => m.rule.key)
        .sort(),
    ).toEqual([...keys].sort());
  });

  it('matches field filters against the post', () => {
    expect(matcher.match({ text: 'anything', url: 'https://www.gov.uk/x' }).map((m) => m.rule.key)).toEqual([
      'site',
    ]);
  });

  it('explains a match with the words that made it', () => {
    const loans = matcher.match('repaying student loans').find((m) => m.rule.key === 'loans');
    expect(loans?.matchedTerms.sort()).toEqual(['loan', 'student']);
  });

  it('reports a rule that cannot be parsed instead of matching with it', () => {
    expect(matcher.problems).toEqual([{ key: 'broken', message: expect.stringContaining(')') }]);
    expect(matcher.size).toBe(6);
  });
});
