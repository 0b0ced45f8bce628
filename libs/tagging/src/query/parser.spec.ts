import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast';
import { parseQuery } from './parser';
import { QueryError } from './query-error';

const term = (lexeme: string, scope: 'all' | 'title' = 'all'): QueryNode => ({ kind: 'term', lexeme, scope });
const phrase = (words: [string, number][], scope: 'all' | 'title' = 'all'): QueryNode => ({
  kind: 'phrase',
  words: words.map(([lexeme, offset]) => ({ lexeme, offset })),
  scope,
});
const prefix = (p: string, scope: 'all' | 'title' = 'all'): QueryNode => ({
  kind: 'prefix',
  prefix: p,
  scope,
});
const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children });
const or = (...children: QueryNode[]): QueryNode => ({ kind: 'or', children });
const not = (child: QueryNode): QueryNode => ({ kind: 'not', child });

describe('parseQuery: valid queries', () => {
  it.each<[string, QueryNode]>([
    ['loans', term('loan')],
    ['Student LOANS', and(term('student'), term('loan'))],
    ['student AND loans', and(term('student'), term('loan'))],
    ['pension OR retirement', or(term('pension'), term('retir'))],
    ['tax rise OR pay cut', or(and(term('tax'), term('rise')), and(term('pay'), term('cut')))],
    ['a b OR c d', or(term('b'), and(term('c'), term('d')))],
    ['tax benefits OR credit', or(and(term('tax'), term('benefit')), term('credit'))],
    ['tax (benefits OR credit)', and(term('tax'), or(term('benefit'), term('credit')))],
    ['council tax -refund', and(term('council'), term('tax'), not(term('refund')))],
    ['council NOT tax', and(term('council'), not(term('tax')))],
    ['loan NOT (refund OR rebate)', and(term('loan'), not(or(term('refund'), term('rebat'))))],
    [
      '"student loan"',
      phrase([
        ['student', 0],
        ['loan', 1],
      ]),
    ],
    [
      '"the cost of living"',
      phrase([
        ['cost', 0],
        ['live', 2],
      ]),
    ],
    ['"loans"', term('loan')],
    [
      'student-loans',
      phrase([
        ['student-loan', 0],
        ['student', 1],
        ['loan', 2],
      ]),
    ],
    ['consult*', prefix('consult')],
    ['Consultation*', prefix('consult')],
    ['her*', prefix('her')],
    ['covid19*', prefix('covid19')],
    ['title:consultation', term('consult', 'title')],
    [
      'title:"student loan"',
      phrase(
        [
          ['student', 0],
          ['loan', 1],
        ],
        'title',
      ),
    ],
    ['title:consult*', prefix('consult', 'title')],
    ['#CostOfLiving', { kind: 'hashtag', tag: 'costofliving' }],
    ['@DWP', { kind: 'mention', handle: 'dwp' }],
    ['@alice@mastodon.social', { kind: 'mention', handle: 'alice@mastodon.social' }],
    ['author:@DWP', { kind: 'field', field: 'author', value: 'dwp' }],
    ['site:GOV.UK', { kind: 'field', field: 'site', value: 'gov.uk' }],
    ['source:mastodon-dwp', { kind: 'field', field: 'source', value: 'mastodon-dwp' }],
    ['lang:en_GB', { kind: 'field', field: 'lang', value: 'en-gb' }],
    ['platform:Mastodon', { kind: 'field', field: 'platform', value: 'mastodon' }],
    [
      'loan NEAR/5 repay*',
      {
        kind: 'near',
        left: [term('loan')],
        right: [prefix('repay')],
        distance: 5,
        ordered: false,
      } as QueryNode,
    ],
    [
      '(loan OR debt) ONEAR/3 "student finance"',
      {
        kind: 'near',
        left: [term('loan'), term('debt')],
        right: [
          phrase([
            ['student', 0],
            ['financ', 1],
          ]),
        ],
        distance: 3,
        ordered: true,
      } as QueryNode,
    ],
    [
      'tax NEAR/2 rise loan',
      and(
        {
          kind: 'near',
          left: [term('tax')],
          right: [term('rise')],
          distance: 2,
          ordered: false,
        } as QueryNode,
        term('loan'),
      ),
    ],
    [
      'NOT tax loan NEAR/2 debt',
      and(not(term('tax')), {
        kind: 'near',
        left: [term('loan')],
        right: [term('debt')],
        distance: 2,
        ordered: false,
      } as QueryNode),
    ],
    ['the loan', term('loan')],
    ['tax and the benefits', and(term('tax'), term('benefit'))],
    ['loan OR the', term('loan')],
    ['loan NOT the', term('loan')],
    ['((((loan))))', term('loan')],
    [
      'https://gov.uk/x',
      phrase([
        ['gov.uk/x', 0],
        ['gov.uk', 1],
        ['/x', 2],
      ]),
    ],
    ['gov.uk', term('gov.uk')],
    ['toString constructor', and(term('tostr'), term('constructor'))],
    ['and OR near', term('near')],
  ])('%s', (query, expected) => {
    expect(parseQuery(query)).toEqual(expected);
  });
});

const failure = (query: string): { message: string; position: number } => {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QueryError) {
      expect(error.code).toBe('invalid');
      return { message: error.message, position: error.position };
    }
    throw error;
  }
  throw new Error(`"${query}" parsed without error`);
};

const MANY_TERMS = Array.from({ length: 101 }, (_, i) => `w${i}`).join(' ');
// Phrases of four different lengths each side: 4 × 4 × 50 distances × 2 orders = 1,600 tsquery clauses.
const WIDE_NEAR =
  '("tax rise" OR "cost of living" OR "council tax bill rise" OR "energy price cap rise sharply") NEAR/50 ' +
  '("student loan" OR "cost of housing" OR "school meal price rise" OR "nurse pay deal agreed today")';

describe('parseQuery: invalid queries', () => {
  it.each<[string, string, number]>([
    ['', 'the query is empty: give at least one word to look for', 0],
    ['loan (tax OR debt', 'expected a closing ")" for the "(" at position 5', 17],
    ['loan)', 'unexpected ")" at position 4: there is no "(" for it to close', 4],
    ['loan ()', 'empty brackets at position 5: put words inside or remove them', 5],
    ['co*', '"co*": a wildcard needs at least 3 letters before "*"', 0],
    ['tax con*sult', '"con*sult": "*" can only end a word, as in consult*', 4],
    ['gov.uk*', '"gov.uk*": a wildcard can only follow letters and digits', 0],
    ['NOT loan', 'a query cannot be only NOT terms', 0],
    ['-loan -debt', 'a query cannot be only NOT terms', 0],
    ['loan OR -debt', 'a query cannot be only NOT terms: each OR alternative needs something to look for', 8],
    ['the of and', expect.stringContaining('only very common words') as unknown as string, 0],
    ['"student loan', 'expected a closing " for the phrase that starts at position 0', 0],
    ['loan NEAR debt', '"NEAR" needs a distance in words, e.g. NEAR/5', 5],
    ['loan NEAR/0 debt', '"NEAR/0": the distance must be between 1 and 50 words', 5],
    ['loan ONEAR/51 debt', '"ONEAR/51": the distance must be between 1 and 50 words', 5],
    ['a NEAR/2 b NEAR/3 c', '"NEAR/2 … NEAR/3": NEAR cannot be chained; join the pairs with AND instead', 11],
    ['NOT tax NEAR/2 loan', 'NEAR/2 can only join words, prefixes, "phrases" or (OR groups) of them', 0],
    [
      '(tax site:gov.uk) NEAR/2 loan',
      'NEAR/2 can only join words, prefixes, "phrases" or (OR groups) of them',
      1,
    ],
    [
      'the NEAR/2 loan',
      'NEAR/2 needs a searchable word on each side; the words at position 0 are too common to be indexed',
      0,
    ],
    ['loan NEAR/2', 'the query ends where a word or group was expected', 11],
    ['AND loan', '"AND" needs a word or group on each side', 0],
    ['loan OR OR tax', '"OR" needs a word or group on each side', 8],
    ['loan - tax', '"-" must be followed by the word to leave out, e.g. -refund', 5],
    ['foo:bar', expect.stringContaining('unknown field "foo:"') as unknown as string, 0],
    ['site: gov.uk', '"site:" needs a value right after the colon, e.g. site:gov.uk', 0],
    ['site:https://gov.uk', 'site: takes a host name such as gov.uk, not "https://gov.uk"', 0],
    ['lang:english', 'lang: takes a language code such as en or cy, not "english"', 0],
    [
      'platform:twitter',
      'platform: must be one of web, mastodon, bluesky, discourse, hackernews, reddit, not "twitter"',
      0,
    ],
    ['source:Has_Space', 'source: takes a source key such as mastodon-dwp, not "Has_Space"', 0],
    ['#student-loans', '"#student-loans": a hashtag can contain only letters, digits and "_"', 0],
    ['@bad..handle', expect.stringContaining('"@bad..handle": a mention is @') as unknown as string, 0],
    ['x'.repeat(4001), 'a query can be at most 4000 characters; this one has 4001', 4000],
    [
      `${'('.repeat(11)}loan${')'.repeat(11)}`,
      'brackets and NOTs nest too deeply here (at most 10 levels)',
      10,
    ],
    [`loan ${'NOT '.repeat(11)}tax`, 'brackets and NOTs nest too deeply here (at most 10 levels)', 45],
    [MANY_TERMS, 'a query can have at most 100 terms; this one has more', MANY_TERMS.indexOf('w100')],
    [
      WIDE_NEAR,
      expect.stringContaining('makes the search too large') as unknown as string,
      WIDE_NEAR.indexOf('NEAR'),
    ],
  ])('%s', (query, message, position) => {
    expect(failure(query)).toEqual({ message, position });
  });
});
