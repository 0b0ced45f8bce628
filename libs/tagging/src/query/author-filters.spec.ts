import { describe, expect, it } from 'vitest';
import { authorFilters } from './author-filters';
import { parseQuery } from './parser';

describe('authorFilters', () => {
  it.each<[string, string[]]>([
    ['student loan', []],
    ['author:alice', ['alice']],
    ['author:@Alice loan', ['alice']],
    ['loan (author:alice OR author:bob)', ['alice', 'bob']],
    ['author:alice OR author:alice', ['alice']],
    ['loan -author:alice', []],
    ['loan NOT (author:alice OR author:bob)', []],
    ['loan NOT (refund NOT author:alice)', ['alice']],
    ['author:@alice@mastodon.social', ['alice@mastodon.social']],
    ['site:gov.uk platform:mastodon', []],
  ])('%s → %j', (query, expected) => {
    expect(authorFilters(parseQuery(query))).toEqual(expected);
  });
});
