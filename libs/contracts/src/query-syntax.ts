/** The query language in brief, for the rule editor's help panel (plain data; the web app renders it). */
export type SyntaxHelpEntry = {
  form: string;
  meaning: string;
  example: string;
};

export const QUERY_SYNTAX: readonly SyntaxHelpEntry[] = [
  {
    form: 'word',
    meaning:
      'Posts containing the word in any form: case is ignored and endings are removed (loans finds loan).',
    example: 'pension',
  },
  {
    form: '"exact phrase"',
    meaning: 'The words next to each other in this order. Common words such as "the" still hold their place.',
    example: '"student loan"',
  },
  {
    form: 'a b   or   a AND b',
    meaning: 'Both words, anywhere in the post. Words side by side mean AND.',
    example: 'universal credit',
  },
  { form: 'a OR b', meaning: 'Either word. AND binds tighter than OR.', example: 'pension OR retirement' },
  {
    form: 'NOT a   or   -a',
    meaning: 'Leave out posts with the word. A query needs at least one thing to look for besides NOTs.',
    example: 'council tax -refund',
  },
  { form: '( … )', meaning: 'Group terms, up to 10 levels deep.', example: '(loan OR debt) student' },
  {
    form: 'prefix*',
    meaning: 'Words starting with the prefix, after the same ending-removal (at least 3 letters before *).',
    example: 'consult*',
  },
  {
    form: 'a NEAR/n b',
    meaning:
      'The two within n word positions of each other, in either order (n from 1 to 50; common words count).',
    example: 'loan NEAR/5 repay*',
  },
  {
    form: 'a ONEAR/n b',
    meaning: 'Like NEAR, but a must come before b.',
    example: '"cost of living" ONEAR/3 payment',
  },
  { form: 'title:word   title:"phrase"', meaning: 'Only in the post title.', example: 'title:consultation' },
  { form: 'author:handle', meaning: 'Posts by this account (with or without @).', example: 'author:dwp' },
  {
    form: 'site:host',
    meaning: 'Posts whose link is on this site or a subdomain of it.',
    example: 'site:gov.uk',
  },
  { form: 'source:key', meaning: 'Posts from this configured source.', example: 'source:mastodon-dwp' },
  { form: 'lang:code', meaning: 'Posts in this language (lang:en also covers en-GB).', example: 'lang:cy' },
  {
    form: 'platform:name',
    meaning: 'Posts from this platform: web, mastodon, bluesky, discourse, hackernews or reddit.',
    example: 'platform:mastodon',
  },
  { form: '#hashtag', meaning: 'Posts using the hashtag (any case).', example: '#CostOfLiving' },
  { form: '@handle', meaning: 'Posts mentioning the account.', example: '@DWP' },
];
