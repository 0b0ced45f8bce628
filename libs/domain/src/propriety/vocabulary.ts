/**
 * Word lists the patterns share, as regular-expression sources. Kept apart so a reviewer can read the table as
 * sentences ("your REFUND … will … by FRIDAY") rather than as escaped alternations.
 */

/** Either apostrophe: drafts are typed on phones and pasted from Word. */
export const APOS = `['’]`;

export const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
export const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december)';

/** Certain future: what a promise or an announcement is made of ("should" and "may" are not). */
export const WILL = `(?:will|${APOS}ll|is going to|are going to|shall|is set to|are set to)`;

/** A specific time that a promise to one person names. */
export const WHEN = [
  `(?:by|before|no later than|on)\\s+(?:${WEEKDAY}|tomorrow|tonight|the end of (?:the |this |next )?(?:day|week|month)|next week|the \\d{1,2}(?:st|nd|rd|th)|\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}|${MONTH} \\d{1,2})`,
  'tomorrow',
  'today',
  'tonight',
  `this (?:week|afternoon|evening|${WEEKDAY})`,
  `next (?:week|${WEEKDAY})`,
  'within (?:the next )?(?:\\d+|a|one|two|three) (?:hours?|days?|working days?|weeks?)',
  'in the next (?:few|couple of|\\d+) (?:hours|days)',
  'straight away',
  'immediately',
].join('|');

/** What an announcement is about. */
export const POLICY_THING =
  '(?:grants?|funds?|funding|schemes?|polic(?:y|ies)|programmes?|payments?|allowances?|levy|levies|tax(?:es)?|strateg(?:y|ies)|legislation|laws?|rules?|regulations?|pilots?|bursar(?:y|ies)|subsid(?:y|ies)|support package|package|caps?|thresholds?|tariffs?|bills?|bans?|targets?|reforms?|investment|hubs?|centres?|routes?|services?)';

/** Outcomes a member of the public waits for. */
export const OUTCOME =
  '(?:refund|payment|claim|application|passport|licence|license|certificate|appeal|case|complaint|visa|benefit|loan|money|card|permit|decision|rebate|renewal|booking|documents?|letter|pension|allowance|compensation|reimbursement|back pay|arrears|repair|appointment|check|result|grant|tax return|(?:universal |pension |tax )?credit)s?';

/** Who speaks for the government or a department. */
export const GOVERNMENT_VOICE =
  '(?:we|the government|the department|ministers?|the minister|the secretary of state|the chancellor|the prime minister)';

/** Hedges that turn a promise into a published service standard ("usually within 5 working days"). */
export const HEDGE =
  /\b(?:usually|normally|typically|generally|often|aim|aims|expect|expected|may|might|could|can take|up to|around|about|roughly|most|if|should|once|until|unless|when)\b/i;

/** Political parties as people write them (capitalised: "labour market" and "conservative estimate" are not). */
export const PARTY =
  '(?:Conservatives?|Tor(?:y|ies)|Labour|Liberal Democrats?|Lib ?Dems?|SNP|Scottish National Party|Plaid Cymru|Plaid|Reform UK|Green Party|Greens|DUP|Sinn F[ée]in|SDLP|UUP|Alliance Party|UKIP|Alba Party)';

/** Government departments and agencies, and the common ways of naming one. */
export const ORGANISATION = [
  '(?:DVSA|DVLA|HMRC|DWP|DfE|DfT|DHSC|MoJ|MOJ|MoD|MOD|FCDO|DCMS|DSIT|DESNZ|Defra|DEFRA|MHCLG|DLUHC|DBT|HMPO|HMCTS|HMPPS|UKHSA|UKVI|ONS|CMA|GDS|SLC|VOA|Ofsted|Ofqual|Ofgem|Ofwat|Ofcom|NHS(?: [A-Z][a-z]+)*)',
  '(?:HM Treasury|the Treasury|Home Office|Cabinet Office|Foreign Office|Environment Agency|Met Office|Companies House|(?:HM )?Land Registry|Student Loans Company|Student Finance England|Jobcentre Plus|(?:HM )?Passport Office|Border Force|Insolvency Service|Pension Service|Child Maintenance Service|National Highways|Network Rail|Natural England|Historic England|Valuation Office Agency|Government Digital Service|GOV\\.UK)',
  '(?:Department (?:for|of) [A-Z][a-z]+(?:,? (?:and )?[A-Z][a-z]+)*|Ministry of [A-Z][a-z]+(?: and [A-Z][a-z]+)*|Office for [A-Z][a-z]+(?: [A-Z][a-z]+)*|[A-Z][a-z]+ (?:City |County |Borough |District )?Council)',
].join('|');
