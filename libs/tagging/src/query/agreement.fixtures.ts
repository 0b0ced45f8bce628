/** Random documents and rules for the agreement property test (test-only; seeded, so failures replay). */
import { PLATFORMS } from '@parley/domain';
import type { MatchableDocument } from './document';

export type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
};

/** mulberry32: a tiny, well-mixed 32-bit PRNG. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, pick: (items) => items[int(0, items.length - 1)], chance: (p) => next() < p };
};

// Few words, so that rules and posts meet often; stems shared across forms (consult/consultation).
const WORDS = [
  'student',
  'students',
  'loan',
  'loans',
  'repayment',
  'repayments',
  'repay',
  'consult',
  'consultation',
  'consulting',
  'consultant',
  'universal',
  'credit',
  'credits',
  'benefit',
  'benefits',
  'pension',
  'housing',
  'council',
  'tax',
  'taxes',
  'energy',
  'bill',
  'bills',
  'cost',
  'living',
  'payment',
  'payments',
  'deadline',
  'apply',
  'application',
  'guidance',
  'nurse',
  'nurses',
  'School',
  'LOAN',
  'Credit',
];
const STOP_WORDS = [
  'the',
  'a',
  'of',
  'and',
  'is',
  'to',
  'for',
  'in',
  'on',
  'not',
  'it',
  'my',
  'about',
  'The',
];
const ODD_TOKENS = [
  '#StudentLoans',
  '#costofliving',
  '#tax',
  '#tax2024!',
  '@DWP',
  '@hmrcgovuk',
  '@dfe.gov',
  '@DWP.',
  'hi@dwp.gov.uk',
  'self-employed',
  'student-loan',
  "student's",
  "don't",
  'it’s',
  '2024',
  '£5.50',
  '3.5%',
  'covid-19',
  'gov.uk',
  'https://www.gov.uk/student-finance',
  'loans.Students',
  'e.g.',
  '🙂',
  '—',
  '!',
  '?',
  ',',
  '(loans)',
  'café',
  'naïve',
  'C#',
  'x#tax',
  '#Tréth',
  '1.2.3',
  'www.gov.uk/guidance',
  '<b>loan</b>',
  '&amp;',
  'Ŵyl',
];
const URLS = [
  null,
  'https://www.gov.uk/student-finance',
  'https://gov.uk',
  'http://news.bbc.co.uk/a',
  'HTTPS://GOV.UK/x',
  'https://consult.education.gov.uk:443/p?q=1',
  'https://example.com/gov.uk',
  'https://notgov.uk/',
  'not a url',
  'https://user@www.gov.uk/',
  'https://mastodon.social/@dwp/1',
];
const LANGUAGES = [null, 'en', 'en-GB', 'en_gb', 'cy', 'fr', 'EN'];
const AUTHORS = [null, '@DWP', 'dwp', 'Bob', '@alice@mastodon.social', 'hmrcgovuk'];
export const SOURCE_KEYS = ['mastodon-dwp', 'gov-feed', 'reddit-uk'];

const token = (r: Random): string => {
  const roll = r.next();
  if (roll < 0.6) return r.pick(WORDS);
  if (roll < 0.85) return r.pick(STOP_WORDS);
  return r.pick(ODD_TOKENS);
};

const words = (r: Random, min: number, max: number): string =>
  Array.from({ length: r.int(min, max) }, () => token(r)).join(r.chance(0.9) ? ' ' : '  ');

export const randomDocument = (r: Random): MatchableDocument & { source: string; platform: string } => ({
  title: r.chance(0.4) ? null : r.chance(0.15) ? '' : words(r, 1, 6),
  text: words(r, 0, 30),
  url: r.pick(URLS),
  language: r.pick(LANGUAGES),
  authorHandle: r.pick(AUTHORS),
  source: r.pick(SOURCE_KEYS),
  platform: r.pick(PLATFORMS),
});

const FUZZ_CHARS = [...'aeiou lnrst-_.@#/:&;<>\'"!?,0123456789 éßŁ🙂\u0301\u00a0\u200b\tX'];
// Pieces of URLs, e-mail addresses, paths, numbers, XML tags and entities: the parser's rarer states.
const FUZZ_PIECES = [
  'http://',
  'https://',
  'www.',
  '.com',
  '.gov.uk',
  ':8080',
  '/path',
  '?q=1',
  '#frag',
  'a@b',
  '~/',
  '../',
  './',
  '<b>',
  '</b>',
  '<a href="x">',
  '<!--',
  '-->',
  '<?xml',
  '<!DOCTYPE',
  '<script>',
  '</script>',
  '&amp;',
  '&#65;',
  '&#x4a;',
  '1e5',
  '-3.5',
  '+7',
  '1.2.3',
  'v2.0',
  'a-b-c',
  'x--y',
  '2nd',
  'é-x',
  '5-a',
];

/** Text of random characters and pieces, to hold the tokenizer port to Postgres' parser on odd input. */
export const fuzzText = (r: Random): string => {
  const pieces = Array.from({ length: r.int(0, 40) }, () =>
    r.chance(0.2) ? r.pick(FUZZ_PIECES) : r.pick(FUZZ_CHARS),
  );
  // Half without "<", so that the tokenizer's chunked fast path is fuzzed as well as its state machine.
  return r.chance(0.5) ? pieces.join('') : pieces.join('').replace(/</g, ' ');
};

const PHRASE_WORDS = [...WORDS, ...STOP_WORDS.slice(0, 6)];
const phrase = (r: Random) =>
  `"${Array.from({ length: r.int(2, 3) }, () => r.pick(PHRASE_WORDS)).join(' ')}"`;
const prefix = (r: Random) => `${r.pick(WORDS).toLowerCase().slice(0, r.int(3, 7))}*`;

const positionalLeaf = (r: Random): string => {
  const roll = r.next();
  if (roll < 0.45) return r.pick(WORDS);
  if (roll < 0.65) return phrase(r);
  if (roll < 0.85) return prefix(r);
  if (roll < 0.95) return `title:${r.chance(0.5) ? r.pick(WORDS) : phrase(r)}`;
  return r.pick(ODD_TOKENS.filter((t) => /^[a-z-]+$/.test(t)));
};

const FILTERS = [
  '#studentloans',
  '#tax',
  '#costofliving',
  '#tax2024',
  '@dwp',
  '@dfe.gov',
  '@hmrcgovuk',
  '@tréth',
  'site:gov.uk',
  'site:www.gov.uk',
  'site:education.gov.uk',
  'site:bbc.co.uk',
  'lang:en',
  'lang:cy',
  'lang:en-gb',
  'author:dwp',
  'author:@alice@mastodon.social',
  'source:mastodon-dwp',
  'source:gov-feed',
  'platform:mastodon',
  'platform:reddit',
];

const nearOperand = (r: Random): string =>
  r.chance(0.75) ? positionalLeaf(r) : `(${positionalLeaf(r)} OR ${positionalLeaf(r)})`;

const leaf = (r: Random): string => (r.chance(0.75) ? positionalLeaf(r) : r.pick(FILTERS));

/** A random rule from the grammar; some are invalid (e.g. only NOTs) and are skipped by the caller. */
export const randomQuery = (r: Random, depth = 0): string => {
  if (depth >= 3 || r.chance(0.3)) return leaf(r);
  const sub = () => randomQuery(r, depth + 1);
  switch (r.int(0, 7)) {
    case 0:
      return `${sub()} ${sub()}`;
    case 1:
      return `(${sub()} AND ${sub()})`;
    case 2:
    case 3:
      return `(${sub()} OR ${sub()})`;
    case 4:
      return `${sub()} ${r.chance(0.5) ? 'NOT ' : '-'}${leaf(r)}`;
    case 5:
      return `${nearOperand(r)} NEAR/${r.chance(0.9) ? r.int(1, 6) : r.int(7, 50)} ${nearOperand(r)}`;
    case 6:
      return `${nearOperand(r)} ONEAR/${r.int(1, 6)} ${nearOperand(r)}`;
    default:
      return `${sub()} ${leaf(r)}`;
  }
};
