import { describe, expect, it } from 'vitest';
import { documentKeys, prepareDocument, type MatchableDocument } from './document';
import { compileMatcher } from './matcher-compiler';
import { parseQuery } from './parser';
import { requiredTerms } from './required-terms';
import { TRICKY_CASES } from './tricky-cases.fixtures';

const post = (text: string, extra: Partial<MatchableDocument> = {}): MatchableDocument => ({
  text,
  ...extra,
});

const matches = (query: string, doc: MatchableDocument): boolean =>
  compileMatcher(parseQuery(query)).matches(prepareDocument(doc));

describe('compileMatcher: rule × post', () => {
  it.each<[string, MatchableDocument, boolean]>([
    ['student loans', post('My student loan repayments'), true],
    ['student loans', post('My student finance'), false],
    ['pension OR retirement', post('retiring early'), true],
    ['council tax -refund', post('council tax refund'), false],
    ['council tax -refund', post('council tax rise'), true],
    ['loan NOT (refund OR rebate)', post('loan rebates'), false],
    ['"cost of living" payment*', post('The cost of living payments start'), true],
    ['"cost of living"', post('living cost'), false],
    ['title:consultation', post('consultation', { title: 'Have your say' }), false],
    ['title:consultation', post('x', { title: 'Consultation opens' }), true],
    ['#CostOfLiving @DWP', post('Help? #costofliving @dwp'), true],
    ['#CostOfLiving @DWP', post('Help? #costofliving'), false],
    [
      'site:gov.uk lang:en platform:mastodon',
      post('x', { url: 'https://www.gov.uk', language: 'en', platform: 'mastodon' }),
      true,
    ],
    ['author:dwp', post('x', { authorHandle: 'hmrc' }), false],
    ['source:gov-feed', post('x', { source: 'other' }), false],
  ])('%s on %j → %s', (query, doc, expected) => {
    expect(matches(query, doc)).toBe(expected);
  });

  it.each(TRICKY_CASES)('$why: $query → $matches', ({ query, doc, matches: expected }) => {
    expect(matches(query, doc)).toBe(expected);
  });
});

describe('compileMatcher: matchedTerms', () => {
  it.each<[string, MatchableDocument, string[]]>([
    ['student loans', post('student loans'), ['student', 'loan']],
    ['consult*', post('consulting the consultants'), ['consult']],
    ['consult* OR pension', post('consultant pensions'), ['consult', 'pension']],
    ['loan -refund', post('loan'), ['loan']],
    ['(loan OR debt) tax', post('debt and tax'), ['debt', 'tax']],
    [
      '"student loan" #tax site:gov.uk',
      post('student loan #tax', { url: 'https://gov.uk' }),
      ['student loan', '#tax', 'site:gov.uk'],
    ],
    ['loan NEAR/3 repay*', post('repayments of my loan'), ['loan', 'repay']],
    ['student loans', post('student finance'), []],
  ])('%s', (query, doc, expected) => {
    expect(compileMatcher(parseQuery(query)).matchedTerms(prepareDocument(doc))).toEqual(expected);
  });
});

describe('requiredTerms', () => {
  it.each<[string, string[] | null]>([
    ['loans', ['loan']],
    ['student loans', ['student']],
    ['universal credit', ['univers']],
    ['"cost of living"', ['cost']],
    ['consult*', ['consult*']],
    ['pension OR consult*', ['pension', 'consult*']],
    ['#tax @dwp', ['#tax']],
    ['loan NOT refund', ['loan']],
    ['site:gov.uk', null],
    ['site:gov.uk loan', ['loan']],
    ['loan OR site:gov.uk', null],
    ['(loan OR debt) NEAR/3 repayment', ['repay']],
    ['(debts OR loans OR arrears) ONEAR/3 (repay* OR payment)', ['repay*', 'payment']],
  ])('%s', (query, expected) => {
    const keys = requiredTerms(parseQuery(query));
    expect(keys && [...keys]).toEqual(expected);
  });

  it('names keys a matching post offers (the percolator never misses a match)', () => {
    for (const { query, doc } of TRICKY_CASES.filter((c) => c.matches)) {
      const keys = requiredTerms(parseQuery(query));
      if (keys === null) continue;
      const offered = documentKeys(prepareDocument(doc));
      expect(
        [...keys].some((k) => offered.has(k)),
        query,
      ).toBe(true);
    }
  });
});
