import type { ProprietyKind } from './types';
import {
  APOS,
  GOVERNMENT_VOICE,
  HEDGE,
  OUTCOME,
  PARTY,
  POLICY_THING,
  WEEKDAY,
  WHEN,
  WILL,
} from './vocabulary';

/**
 * One line of the table: a pattern, the kind of finding it raises and, where the kind's own words are too
 * general, a message saying what this match is. `accept` is the small rule a pattern cannot say (a hedge that
 * makes a promise a service standard); `group` picks the part of the match to highlight.
 */
export type PatternRow = {
  kind: ProprietyKind;
  /** What the row catches, for whoever edits the table. */
  name: string;
  pattern: RegExp;
  message?: string;
  group?: number;
  accept?: (match: RegExpExecArray, text: string) => boolean;
};

const re = (source: string, flags = 'i') => new RegExp(source, flags);
/** No more than `n` words, lazily: keeps a pattern to one phrase without running across a sentence. */
const words = (n: number) => `(?:[\\w’'£%-]+\\s+){0,${n}}?`;
/** Up to `n` characters without leaving the sentence. */
const gap = (n: number) => `[^.!?\\n]{0,${n}}?`;

/** The government or the department speaking of what it will do ("we’re going to", "ministers have decided to"). */
const FUTURE_VOICE = `${GOVERNMENT_VOICE}(?:${APOS}ll|\\s+will|\\s+shall|(?:${APOS}re|${APOS}s|\\s+are|\\s+is)\\s+(?:going|planning|preparing|about|due|set)\\s+to|\\s+plans?\\s+to|\\s+intends?\\s+to|\\s+(?:have|has)\\s+(?:now\\s+)?decided\\s+to)(?:\\s+(?:soon|shortly|now|also|be|then))*`;

const TIME_AHEAD = `(?:tomorrow|later today|this week|next week|next month|on ${WEEKDAY}|shortly|soon|in the coming (?:days|weeks))`;
const POSSESSIVE_DAY = `(?:tomorrow|next week|this week|${WEEKDAY}|today)${APOS}s`;
const PARLIAMENT = '(?:Parliament|the House(?: of Commons| of Lords)?|the Commons|the Lords|MPs|peers)';
const SET_PIECE = `(?:Budget|King${APOS}s Speech|Queen${APOS}s Speech|Autumn Statement|Spring Statement|Spending Review|(?:ministerial |oral |written )?statement(?: to (?:Parliament|the House))?)`;

/** What the Budget or the King’s Speech will contain: both an announcement and Parliament’s to hear first. */
const SET_PIECE_CONTENT = re(
  `\\b(?:the|${POSSESSIVE_DAY}|the upcoming|the forthcoming|the next|this year${APOS}s)\\s+${SET_PIECE}\\s+(?:${WILL}|is expected to|should)\\s+(?:include|contain|announce|confirm|set out|bring|introduce|see|mean|deliver|raise|cut|increase|extend|freeze|have)\\b`,
);

const ANNOUNCEMENT: PatternRow[] = [
  {
    kind: 'announcement',
    name: 'what a statement to Parliament will contain',
    pattern: SET_PIECE_CONTENT,
    message:
      'This says what the Budget or a statement will contain before it is made: that is an announcement.',
  },
  {
    kind: 'announcement',
    name: 'something new that opens, starts or arrives',
    pattern: re(
      `\\b(?:new|upcoming|forthcoming|next round of(?: the)?|a further|expanded|extended|replacement)\\s+${words(3)}${POLICY_THING}\\b${gap(60)}\\b(?:opens?|launch(?:es)?|starts?|begins?|goes live|comes? into (?:force|effect)|${WILL}|(?:is|are) coming|(?:is|are) being (?:introduced|launched|brought in)|in the (?:spring|summer|autumn|winter|new year)|next (?:week|month|year|spring|summer|autumn|winter))\\b`,
    ),
    message:
      'This describes something new (a grant, scheme, policy or date) as if it were decided. Unless the press office has announced it, it is an announcement.',
  },
  {
    kind: 'announcement',
    name: 'new money',
    pattern: re(
      `(?:\\b(?:an extra|a further|additional|new|extra|another|a record|a new)\\s+£\\s?\\d[\\d,.]*\\s*(?:m|bn|k|million|billion)?\\b|£\\s?\\d[\\d,.]*\\s*(?:m|bn|million|billion)\\b${gap(40)}\\b(?:will be|is being|to be|are being)\\s+(?:invested|made available|allocated|spent|provided|awarded))`,
    ),
    message: 'This names new money. Funding is announced by the press office.',
  },
  {
    kind: 'announcement',
    name: 'the government will invest or provide',
    pattern: re(
      `\\b${GOVERNMENT_VOICE}\\s+(?:${WILL}|(?:is|are)\\s+(?:now\\s+)?(?:investing|providing|committing|allocating|pledging|setting aside|making available))\\s+${words(3)}£\\s?\\d`,
    ),
    message: 'This names new money. Funding is announced by the press office.',
  },
  {
    kind: 'announcement',
    name: 'the government will change a policy',
    pattern: re(
      `\\b${FUTURE_VOICE}\\s+(?:introduc|scrap|abolish|ban|rais|increas|cut|reduc|extend|launch|replac|freez|expand|bring(?:ing)? in|bring(?:ing)? forward|announc|reform|overhaul|lift|double|halv|legislat|publish(?:ing)? (?:new|a new|plans|proposals|the new))\\w*\\b(?!\\s+(?:your|you)\\b)`,
    ),
  },
  {
    kind: 'announcement',
    name: 'a decision taken',
    pattern: re(
      `\\b(?:${GOVERNMENT_VOICE}\\s+(?:have|has)\\s+(?:now\\s+)?(?:decided|agreed|signed off|approved)\\s+(?:to|that|on|the)\\b|\\b(?:a|the)\\s+decision\\s+(?:has been|was)\\s+(?:made|taken|reached)\\s+to\\b|\\b(?:plans?|proposals?|the scheme|the project|the funding|the bid|the changes|the policy|the bypass|the expansion|the extension)\\b${gap(60)}\\s+(?:has|have)\\s+(?:now\\s+)?been\\s+(?:approved|signed off|given the go-ahead|agreed)\\b)`,
    ),
    message:
      'This reports a decision. Unless it has already been made public, the press office announces it.',
  },
  {
    kind: 'announcement',
    name: 'a date or deadline that moves',
    pattern: re(
      `\\b(?:deadline|closing date|start date|launch|scheme|grant|fund|consultation|payments?|cap|limit|ban|rules?|polic(?:y|ies)|charges?|fees?|rates?|threshold)(?:\\s+(?:for|of|on)(?:\\s+[\\w’'-]+){1,3})?\\s+(?:${WILL}\\s+(?:be|now be|also be)|(?:is|are)\\s+(?:being|going to be|to be))\\s+(?:extended|delayed|postponed|scrapped|axed|brought forward|pushed back|raised|increased|cut|lowered|frozen|abolished|replaced|doubled|halved|moved)\\b`,
    ),
    message: 'This tells of a change to a date, rate or scheme. Changes are announced by the press office.',
  },
  {
    kind: 'announcement',
    name: 'a rate, cap or bill that will go up or down',
    pattern: re(
      `\\b(?:caps?|limits?|thresholds?|rates?|fares?|fees?|charges?|prices?|allowances?|payments?|targets?|duty|levy)\\s+(?:${WILL}\\s+(?:go up|go down|rise|fall|increase|drop|change)|(?:is|are)\\s+(?:going|set|due)\\s+(?:up|down|to (?:rise|fall|increase|go up|go down|change)))\\b|\\b(?:cut|reduce|lower|raise|increase)\\s+(?:\\w+\\s+)?bills\\s+by\\s+£\\s?\\d`,
    ),
    message: 'This tells of a change to a rate, cap or bill. Changes are announced by the press office.',
  },
  {
    kind: 'announcement',
    name: 'a teaser for news to come',
    pattern: re(
      `\\b(?:watch this space|coming soon|stay tuned|more (?:news|details) (?:soon|to follow|next week|shortly)|(?:big|exciting|good) news (?:is )?(?:coming|soon|on the way|next week|shortly)|an announcement (?:is )?(?:coming|due|expected|soon|shortly|next week|later this)|keep an eye out for (?:an|the|our) announcement|(?:we|ministers?|the minister|the government)(?:${APOS}ll| will) (?:be )?announc(?:e|ing)|will be (?:announced|unveiled|revealed) (?:soon|shortly|next|tomorrow|later this|this week|on ${WEEKDAY}|in the (?:coming|next)))\\b`,
    ),
    message: 'This hints at news not yet announced. Announcements are the press office’s job.',
  },
];

const PARTY_POLITICAL: PatternRow[] = [
  {
    kind: 'party-political',
    name: 'a party named',
    // Case-sensitive: "labour market" and "a conservative estimate" are not parties.
    pattern: re(
      `\\b(?:(?:Conservative|Labour|Liberal Democrat|Lib Dem|Green|Reform|Tory)(?:${APOS}s)? (?:[Pp]arty|[Gg]overnment|MPs?|candidates?|councillors?|manifesto|leader(?:ship)?|members|voters|peers|administration|ministers|campaign|polic(?:y|ies)|plans?|spokesperson|frontbench|benches|record)|(?:Labour|Conservatives|Tory|Tories|Reform|SNP|Lib Dems)${APOS}s|Tory|Tories|Conservatives|Liberal Democrats|Lib Dems|SNP|Scottish National Party|Plaid Cymru|DUP|Sinn F[ée]in|Reform UK|Green Party|the Greens|UKIP|SDLP|Alba Party)\\b`,
      '',
    ),
    message:
      'This names a political party. A civil servant’s reply should not bring party politics in, even in passing.',
  },
  {
    kind: 'party-political',
    name: 'Labour as a party',
    pattern: re(
      `\\b(?:under|vote|voting|voted|backing|back|support|supporting|elect|re-elect|join)\\s+(?:Labour|Reform|Plaid)\\b|\\bLabour\\s+(?:has|have|is|are|was|were|will|wants?|promised|pledged|plans?|failed|delivered|won|lost)\\b`,
      '',
    ),
    message:
      'This names a political party. A civil servant’s reply should not bring party politics in, even in passing.',
  },
  {
    kind: 'party-political',
    name: 'partisan praise or blame of people in power',
    pattern: re(
      `\\b(?:incompetent|useless|hopeless|shambolic|chaotic|failing|disastrous|corrupt|clueless|heartless|cruel|out[- ]of[- ]touch|spineless|brilliant|fantastic|amazing|excellent|visionary|inspirational|tremendous|wonderful|great|strong|decisive|bold)\\s+(?:new\\s+)?(?:government|administration|Prime Minister|PM|Chancellor|(?:Home|Foreign|Health|Education|Transport|Culture|Business|Justice) Secretary|Secretary of State|ministers?|cabinet|opposition|leadership|MPs?)\\b`,
    ),
  },
  {
    kind: 'party-political',
    name: 'credit or blame for a government',
    pattern: re(
      `\\b(?:thanks to|because of|after|years of|decades? of|despite)\\s+(?:this|the (?:last|previous|current)|our|the)\\s+(?:government|administration)(?:${APOS}s)?\\s+${words(2)}(?:investment|leadership|failures?|neglect|mismanagement|cuts|austerity|chaos|mess|incompetence|record|vision|commitment|hard work|broken promises)\\b|\\b(?:the last|the previous)\\s+(?:government|administration|lot)\\s+(?:left|wrecked|crashed|broke|ruined|failed|mismanaged|trashed|destroyed|did nothing)\\b|\\bunlike\\s+(?:the\\s+)?(?:last|previous)\\s+(?:government|administration|lot)\\b|\\b(?:this|our)\\s+government\\s+(?:is|has been)\\s+(?:delivering|getting on with|fixing|finally)\\b`,
    ),
  },
  {
    kind: 'party-political',
    name: 'campaigning',
    pattern: re(
      `\\bvote\\s+(?:for\\s+)?(?:Labour|Conservative|Tory|Reform|Green|Lib Dem|SNP|Plaid|the Conservatives|the Tories|the Greens|the Lib Dems|the SNP|(?:your|our)\\s+(?:local\\s+)?(?:Labour|Conservative|Tory|Reform|Green|Lib Dem|SNP|Plaid)\\s+candidate)\\b|#Vote[A-Z]\\w*|\\b(?:on the campaign trail|on the doorstep|knocking on doors|join (?:the|our) (?:party|campaign)|donate to (?:the|our) (?:party|campaign)|re-elect|get the vote out|get out the vote|campaigning for|get Brexit done|take back control|strong and stable|stop the boats|build back better|for the many,? not the few)\\b`,
    ),
    message:
      'This reads as campaigning (a slogan, a call to vote for someone). Civil servants must not campaign.',
  },
  {
    kind: 'party-political',
    name: 'a party account amplified',
    pattern: re(
      `(?<![\\w@])@\\w*(?:labour|tory|tories|conservative|libdem|snp|greenparty|reformparty|reform_uk|plaid|cchq)\\w*\\b`,
    ),
    message:
      'This mentions a party’s account. Replying to, sharing or quoting a party account amplifies it: a department stays impartial.',
  },
];

const PARLIAMENT_ROWS: PatternRow[] = [
  {
    kind: 'parliament',
    name: 'what a set-piece will contain',
    pattern: SET_PIECE_CONTENT,
    message:
      'This says what a statement to Parliament (the Budget, the King’s Speech) will contain. Parliament hears it first.',
  },
  {
    kind: 'parliament',
    name: 'a set-piece to come named as the source',
    pattern: re(
      `\\b(?:in|at|ahead of|before|in advance of)\\s+(?:the upcoming|the forthcoming|${POSSESSIVE_DAY}|next month${APOS}s)\\s+${SET_PIECE}\\b`,
    ),
    message:
      'This points to a statement to Parliament that has not happened yet. Parliament hears new policy first.',
  },
  {
    kind: 'parliament',
    name: 'news saved for a statement to come',
    pattern: re(
      `\\b(?:${WILL}|planning to|preparing to|expected to|due to)\\b${gap(80)}\\b(?:in|at)\\s+the\\s+${SET_PIECE}\\b`,
    ),
    message:
      'This ties news to a statement to Parliament that has not happened yet (the Budget, the King’s Speech). Parliament hears it first.',
  },
  {
    kind: 'parliament',
    name: 'a minister will tell Parliament, soon',
    pattern: re(
      `\\b(?:the minister|ministers|the secretary of state|the chancellor|the prime minister|the government|we)\\s+(?:${WILL}|(?:is|are) (?:due|expected) to)\\s+(?:announce|set out|confirm|update|tell|inform|make a statement|unveil|lay)\\b${gap(60)}\\b(?:to|in|before)\\s+${PARLIAMENT}\\b${gap(30)}\\b${TIME_AHEAD}\\b`,
    ),
  },
  {
    kind: 'parliament',
    name: 'before Parliament is told',
    pattern: re(
      `\\b(?:before|ahead of)\\s+(?:it(?:${APOS}s| is)|they(?:${APOS}re| are)|this is|the news is)\\s+(?:announced|laid|published|set out|made public)\\s+(?:in|to|before)\\s+${PARLIAMENT}|\\bwill be laid (?:before|in) Parliament\\s+${TIME_AHEAD}|\\bMPs will (?:be told|hear|learn)\\b`,
    ),
  },
  {
    kind: 'parliament',
    name: 'disrespect of Parliament',
    pattern: re(
      `\\b(?:Parliament|MPs|the Commons|the House of Commons|the House of Lords|the Lords|peers|select committees?|the committee|backbenchers|Westminster)\\s+(?:is|are|was|were)\\s+(?:just\\s+|so\\s+|completely\\s+|totally\\s+|utterly\\s+|nothing but\\s+)*(?:a |an )?(?:useless|joke|circus|farce|pointless|clueless|irrelevant|waste of (?:time|space|money)|out of touch|idiots|rubber[- ]stamp|talking shop|incompetent|stupid|dinosaurs|disgrace|lazy|hopeless|a bunch of \\w+)\\b|\\b(?:unelected|pointless|useless|lazy|overpaid|idiotic)\\s+(?:peers|Lords|MPs|committees?|select committees?|debates?|amendments?)\\b|\\b(?:ignore|ignoring|bypass|bypassing|get round|go around)\\s+(?:Parliament|MPs|the Commons|the Lords|the committee)\\b|\\b(?:abolish|scrap|get rid of)\\s+the\\s+(?:House of )?Lords\\b`,
    ),
    message: 'This could read as disrespect of Parliament. Civil servants treat Parliament with respect.',
  },
];

/** A promise hedged into a service standard ("usually", "if", "aim") is not a promise. */
const unhedged = (match: RegExpExecArray) => !HEDGE.test(match[0]);

const PROMISE: PatternRow[] = [
  {
    kind: 'promise',
    name: 'an individual outcome by a date',
    pattern: re(`\\byour\\s+${words(2)}${OUTCOME}\\b${gap(60)}\\b${WILL}\\b${gap(60)}\\b(?:${WHEN})\\b`),
    accept: unhedged,
    message:
      'This promises one person an outcome by a date. The department cannot know that a single case will meet it.',
  },
  {
    kind: 'promise',
    name: 'we will sort it by a date',
    pattern: re(
      `\\b(?:I|we)(?:${APOS}ll| will)\\s+(?:personally\\s+)?(?:get|have)\\s+(?:this|it|that|your\\s+\\w+)\\s+(?:sorted|fixed|resolved|done|processed|approved|paid|back to you|to you)\\b${gap(30)}\\b(?:${WHEN})\\b`,
    ),
    accept: unhedged,
  },
  {
    kind: 'promise',
    name: 'a guarantee',
    pattern: re(
      `\\b(?:I|we)\\s+(?:can\\s+)?(?:promise|guarantee)\\b|\\b(?:it${APOS}s|it is|that${APOS}s|this is)\\s+guaranteed\\b|\\bguaranteed to\\b|\\b(?:I|we)(?:${APOS}ll| will)\\s+(?:personally\\s+)?(?:make sure|ensure|see to it)\\s+(?:that\\s+)?(?:you|your)\\b`,
    ),
    message: 'This gives a personal guarantee. Only promise what the department can stand behind.',
  },
  {
    kind: 'promise',
    name: 'a certain individual outcome',
    pattern: re(
      `(?<!\\bif\\s)(?<!\\bonce\\s)(?<!\\bwhen\\s)\\b(?:you${APOS}ll|you will|you are going to)\\s+(?:definitely|certainly|absolutely|100%|for sure|surely)?\\s*(?:be\\s+)?(?:approved|accepted|successful|refunded|compensated|reimbursed|paid in full|(?:get|receive) (?:it|your money|the money|a refund|the full amount) back)\\b|\\b(?:you${APOS}ll|you will)\\s+(?:definitely|certainly|absolutely|100%)\\b|\\b(?:I|we)\\s+can\\s+confirm\\s+(?:that\\s+)?you\\s+(?:will|${APOS}ll|are going to|qualify|are eligible|are entitled)\\b`,
    ),
    message:
      'This tells someone their case will succeed. Only the people deciding it can say that, and only once it is decided.',
  },
];

const CONTESTED = `(?:HS2|Brexit|ULEZ|net zero|the two-child (?:benefit )?(?:limit|cap)|tuition fees|the benefit cap|the bedroom tax|the triple lock|VAT on private schools|low traffic neighbourhoods|LTNs|20 ?mph (?:limits|zones|speed limits)|the Rwanda (?:scheme|plan|policy|bill)|the smoking ban|the strikes?|immigration|the sugar tax|fracking|the windfall tax|onshore wind|Scottish independence|the monarchy|the licence fee)`;
const VERDICT = `(?:right|wrong|fair|unfair|unjust|a mistake|a good idea|a bad idea|the right (?:thing|call|decision|approach)|the wrong (?:thing|call|decision|approach)|long overdue|overdue|unworkable|misguided|sensible|ridiculous|justified|unjustified|cruel|brilliant|excellent|disastrous|a disaster|harmful|madness|pointless|absurd|outrageous|shameful|welcome|great news|terrible|awful|a scandal|too (?:high|low|harsh|generous|strict|lenient|far|expensive|little|late))`;

const VIEW: PatternRow[] = [
  {
    kind: 'view',
    name: 'an opinion said as one',
    pattern: re(
      `\\b(?:in my (?:personal |honest |own )?(?:opinion|view)|my (?:personal |own |honest )?(?:view|opinion|take) is|personally,? (?:I|we)\\b|if you ask me|speaking personally|I${APOS}m (?:personally )?(?:not a fan of|a fan of|against|in favour of|all for)|we${APOS}re (?:not a fan of|a fan of|against|in favour of|all for))`,
    ),
    message: 'This gives a personal opinion. Replies speak for the department, on the facts.',
  },
  {
    kind: 'view',
    name: 'I think the policy is right or wrong',
    pattern: re(
      `\\b(?:I|we)\\s+(?:personally\\s+|also\\s+|strongly\\s+|really\\s+|honestly\\s+|do\\s+)?(?:think|believe|feel|reckon)\\s+(?:that\\s+)?${gap(80)}\\b(?:is|are|was|were|would be|will be)\\s+(?:(?:really|very|so|completely|totally|absolutely|just|quite)\\s+)?${VERDICT}\\b(?!\\s+for\\s+(?:you|your))`,
    ),
  },
  {
    kind: 'view',
    name: 'a verdict on a policy',
    pattern: re(
      `\\b(?:the|this|these|that)\\s+${words(3)}(?:polic(?:y|ies)|tax|cap|ban|limit|rules|law|changes|decision|reforms?|bill|plans?|cuts|levy|charges?|targets?|scheme|strikes?)\\s+(?:is|are|was|were)\\s+(?:(?:really|very|so|completely|totally|absolutely|just|quite|clearly|frankly|simply)\\s+)?${VERDICT}\\b(?!\\s+for\\s+(?:you|your|people who|anyone))`,
    ),
  },
  {
    kind: 'view',
    name: 'a contested topic judged',
    pattern: re(
      `\\b${CONTESTED}\\s+(?:should(?:n${APOS}t| not)?|must|needs? to|ought to|(?:is|are|was|were)\\s+(?:a |an |the )?(?:mistake|disaster|success|failure|good thing|bad thing|triumph|waste(?: of money)?|wrong|right|great|terrible|awful|brilliant|unfair|fair|working|failing|madness))\\b`,
    ),
  },
  {
    kind: 'view',
    name: 'agreeing with a side',
    pattern: re(
      `\\b(?:I|we)\\s+(?:completely\\s+|totally\\s+|fully\\s+|strongly\\s+)?(?:agree|disagree|side)\\s+with\\s+(?:the\\s+)?(?:critics|protesters|campaigners|strikers|unions?|opposition|those who|you that the|the government|the decision|the policy|the ban|the cap|the strikes?)\\b|\\b(?:quite\\s+)?(?:rightly|wrongly|sadly|regrettably|thankfully)\\s*,?\\s+(?:the\\s+)?(?:government|ministers?|the department)\\s+(?:has|have|decided|chose|agreed|scrapped|introduced)\\b|\\b(?:a step in the right direction|a step too far|the right thing to do|the wrong thing to do)\\b`,
    ),
  },
];

/** The kinds a table can say; disclosure, personal data and the election period are small rules of their own. */
export const PATTERNS: readonly PatternRow[] = [
  ...ANNOUNCEMENT,
  ...PARTY_POLITICAL,
  ...PARLIAMENT_ROWS,
  ...PROMISE,
  ...VIEW,
];
