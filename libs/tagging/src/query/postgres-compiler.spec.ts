import { describe, expect, it } from 'vitest';
import { parseQuery } from './parser';
import { compileToSql } from './postgres-compiler';

describe('compileToSql', () => {
  it.each<[string, string, unknown[]]>([
    ['student loans', 'p.search_vector @@ $1::tsquery', ["('student' & 'loan')"]],
    ['"cost of living"', 'p.search_vector @@ $1::tsquery', ["'cost' <2> 'live'"]],
    ['title:consult*', 'p.search_vector @@ $1::tsquery', ["'consult':*A"]],
    [
      'loan ONEAR/2 repay*',
      'p.search_vector @@ $1::tsquery',
      ["(('loan') <1> ('repay':*) | ('loan') <2> ('repay':*))"],
    ],
    [
      'loan NEAR/1 (repay* OR payment)',
      'p.search_vector @@ $1::tsquery',
      ["(('loan') <1> (('repay':*) | ('payment')) | (('repay':*) | ('payment')) <1> ('loan'))"],
    ],
    [
      // Alternatives of different lengths get their own clauses: inside a phrase, tsquery would align them.
      'loan NEAR/1 (repay* OR "pay back")',
      'p.search_vector @@ $1::tsquery',
      [
        "(('loan') <1> ('repay':*) | ('repay':*) <1> ('loan') | ('loan') <1> ('pay' <1> 'back') | ('pay' <1> 'back') <1> ('loan'))",
      ],
    ],
    [
      'loan tax -refund site:gov.uk',
      '(p.search_vector @@ $1::tsquery AND coalesce(p.url ~* $2, false))',
      [
        "'loan' & 'tax' & !('refund')",
        '^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:@]*\\.)?gov\\.uk(:[0-9]*)?([/?#]|$)',
      ],
    ],
    [
      'lang:en OR author:dwp',
      "(coalesce(replace(lower(p.language), '_', '-') = $1 OR starts_with(replace(lower(p.language), '_', '-'), $2), false) OR coalesce(ltrim(lower(p.author_handle), '@') = $3, false))",
      ['en', 'en-', 'dwp'],
    ],
    [
      '#tax NOT platform:reddit',
      expect.stringContaining(
        'lower(p.text) ~ $1 AND NOT (coalesce(lower(p.platform) = $2, false))',
      ) as unknown as string,
      [expect.any(String), 'reddit'],
    ],
  ])('%s', (query, sql, params) => {
    expect(compileToSql(parseQuery(query))).toEqual({ sql, params });
  });

  it('numbers placeholders from firstParameter', () => {
    expect(compileToSql(parseQuery('loan source:gov-feed'), { firstParameter: 3 }).sql).toBe(
      '(p.search_vector @@ $3::tsquery AND s.key = $4)',
    );
  });

  it("quotes lexemes so user text cannot change the tsquery's structure", () => {
    const { params } = compileToSql(parseQuery("https://x.org/it's"));
    expect(params[0]).toContain("'/it''s'");
  });
});
