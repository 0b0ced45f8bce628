/** One row of the query language help, as `GET /api/rules/syntax` returns it. */
export type QuerySyntaxRow = { form: string; meaning: string; example: string };

/**
 * Shown when the api has no help to give (an older api, or a failed request): the query language as
 * DESIGN.md sets it out. The api's own table, when there is one, wins.
 */
export const QUERY_SYNTAX_FALLBACK: readonly QuerySyntaxRow[] = [
  {
    form: 'word',
    meaning: 'Posts containing the word in any form: case is ignored and endings removed (loans finds loan).',
    example: 'pension',
  },
  {
    form: '"exact phrase"',
    meaning: 'The words next to each other, in this order.',
    example: '"student loan"',
  },
  {
    form: 'a b   or   a AND b',
    meaning: 'Both, anywhere in the post. Words side by side mean AND.',
    example: 'universal credit',
  },
  { form: 'a OR b', meaning: 'Either one.', example: 'pension OR retirement' },
  { form: 'NOT a   or   -a', meaning: 'Leave out posts with it.', example: 'council tax -refund' },
  { form: '( … )', meaning: 'Group terms.', example: '(loan OR debt) student' },
  {
    form: 'prefix*',
    meaning: 'Words starting with the prefix (at least 3 letters before *).',
    example: 'consult*',
  },
  {
    form: 'a NEAR/n b',
    meaning: 'Within n words of each other, in either order.',
    example: 'loan NEAR/5 repay*',
  },
  { form: 'a ONEAR/n b', meaning: 'Within n words, a before b.', example: 'cost ONEAR/3 living' },
  {
    form: 'title:  author:  site:  source:  lang:  platform:',
    meaning: 'Only posts with this title word, author, website, source, language or platform.',
    example: 'site:gov.uk',
  },
  { form: '#hashtag', meaning: 'Posts using the hashtag.', example: '#CostOfLiving' },
  { form: '@handle', meaning: 'Posts mentioning the account.', example: '@DWP' },
];
