/**
 * Words that mark a post as campaigning against an organisation, for the partner detector: a rise in posts naming
 * a delivery partner *with* this language is a campaign aimed at it, not ordinary talk about it. Each entry is one
 * Postgres tsquery operand in the 'english' configuration (stemmed like the posts' search vectors, so "boycotts" and
 * "boycotting" match "boycott"); `:*` is a prefix, which also catches the campaign hashtags ("#BoycottTesco" is one
 * word to the parser). Kept small on purpose: every entry is a word people use to organise against a company, and a
 * word that is mostly used otherwise ("strike" of a match, "protest" as a prefix of "protestant") is left out or
 * written whole.
 */
export const CAMPAIGN_LEXICON: readonly { query: string; why: string }[] = [
  { query: 'boycott:*', why: 'the campaign word itself, and its hashtags (#BoycottX)' },
  { query: 'protest', why: 'protests, protesting, protesters (whole word: not "protestant")' },
  { query: 'picket:*', why: 'picket lines outside stores and depots' },
  { query: 'petition:*', why: 'petitions aimed at the company' },
  { query: 'complicit', why: 'the usual charge against a partner delivering a policy' },
  { query: 'blockad:*', why: 'blockades of sites and deliveries' },
  { query: 'stop <-> sell', why: '"stop selling": a demand on a retailer' },
  { query: 'shame <-> on', why: '"shame on": the call-out that opens a pile-on' },
  { query: 'never <-> shop', why: '"never shopping there again": the threat a boycott runs on' },
  { query: 'ditch:*', why: '"ditch X": a call to drop a company (and #DitchX)' },
];

/** The lexicon as one tsquery (`to_tsquery('english', …)`): a post matches if it uses any entry. */
export const campaignTsquery = (): string => CAMPAIGN_LEXICON.map((e) => `(${e.query})`).join(' | ');
