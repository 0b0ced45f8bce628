import type { ConversationTag } from '@parley/contracts';

/** What one rule matched, read from the `rule` signal's evidence: `key (term, term); key (term)`. */
export type RuleHit = { rule: string; terms: string[] };

const HIT = /([^;()]+?)\s*\(([^()]*)\)/g;

/** The rule signal's detail, parsed; anything that does not have the expected shape is skipped, never guessed. */
export const parseRuleDetail = (detail: string): RuleHit[] =>
  [...detail.matchAll(HIT)].flatMap((match) => {
    const rule = match[1].replace(/^[\s;]+/, '').trim();
    const terms = match[2]
      .split(',')
      .map((term) => term.trim())
      .filter(Boolean);
    return rule ? [{ rule, terms }] : [];
  });

/**
 * The words to mark: every rule hit's words (a phrase's words one by one), and `#tag` / `@handle` whole. Tagging
 * lists the words as the posts wrote them; explanations stored before it did list stems, so a word is marked
 * when it starts with either. Field evidence (`site:gov.uk`, `lang:cy`) is about the post, so it is left out.
 */
export type MatchTerms = { stems: string[]; tokens: string[] };

export const matchTermsOf = (signals: ConversationTag['signals']): MatchTerms => {
  const stems = new Set<string>();
  const tokens = new Set<string>();
  for (const signal of signals) {
    if (signal.kind !== 'rule') continue;
    for (const { terms } of parseRuleDetail(signal.detail)) {
      for (const term of terms) {
        if (term.includes(':')) continue;
        if (/^[#@]/.test(term)) tokens.add(term.toLocaleLowerCase('en-GB'));
        else term.split(/\s+/).forEach((word) => word && stems.add(word.toLocaleLowerCase('en-GB')));
      }
    }
  }
  return { stems: [...stems], tokens: [...tokens] };
};

export const NO_TERMS: MatchTerms = { stems: [], tokens: [] };

export const hasTerms = (terms: MatchTerms): boolean => terms.stems.length > 0 || terms.tokens.length > 0;

/** The match terms of several tags at once (a conversation page shows every department's tags). */
export const mergeTerms = (all: MatchTerms[]): MatchTerms => ({
  stems: [...new Set(all.flatMap((t) => t.stems))],
  tokens: [...new Set(all.flatMap((t) => t.tokens))],
});

export type Segment = { text: string; marked: boolean };

// A word is a run of letters and digits (with inner apostrophes, as in "department's"), optionally tagged # or @.
const WORD = /[#@]?[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

// Stems this short would light up half the text as prefixes ("e" from e-scooter), so they must match whole words.
const MIN_PREFIX_STEM = 3;

/**
 * Whether a word shows a stem: it starts with it. The stemmer also turns a final y into i ("apply" → "appli")
 * and gives back an e that -ing took away ("driving" → "drive"), so those spellings count too.
 */
const wordMatchesStem = (word: string, stem: string): boolean => {
  if (stem.length < MIN_PREFIX_STEM) return word === stem;
  if (word.startsWith(stem)) return true;
  const base = stem.slice(0, -1);
  if (stem.endsWith('i')) return word.startsWith(`${base}y`);
  return stem.endsWith('e') && word.startsWith(`${base}ing`);
};

const isMatch = (token: string, terms: MatchTerms): boolean => {
  const lower = token.toLocaleLowerCase('en-GB');
  if (terms.tokens.includes(lower)) return true;
  // The sigil is not part of the word: a rule about "loan" also matches "#loans".
  const word = lower.replace(/^[#@]/, '');
  return terms.stems.some((stem) => wordMatchesStem(word, stem));
};

/**
 * Splits text into runs to show plainly and words to mark, so a component can build `<mark>` elements (never
 * HTML). Joining the segments' text gives back the input exactly.
 */
export const highlightSegments = (text: string, terms: MatchTerms): Segment[] => {
  if (!text || !hasTerms(terms)) return text ? [{ text, marked: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  const push = (piece: string, marked: boolean) => {
    if (!piece) return;
    const previous = segments[segments.length - 1];
    if (previous && previous.marked === marked && !marked) previous.text += piece;
    else segments.push({ text: piece, marked });
  };
  for (const match of text.matchAll(WORD)) {
    if (!isMatch(match[0], terms)) continue;
    push(text.slice(last, match.index), false);
    push(match[0], true);
    last = match.index + match[0].length;
  }
  push(text.slice(last), false);
  return segments;
};
