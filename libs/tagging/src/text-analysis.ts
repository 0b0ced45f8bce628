import { stem } from './stem';
import { ENGLISH_STOP_WORDS } from './stop-words';

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** A word's lexeme, or null for a stop word. */
const lexemeOf = (word: string): string | null => {
  const lower = word.toLowerCase().replace(/'s$/, '');
  return ENGLISH_STOP_WORDS.has(lower) ? null : stem(lower);
};

/** Lower-cased, stop words dropped, Snowball-stemmed: the lexemes Postgres' `english` configuration would index. */
export const lexemes = (text: string): string[] => {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const lexeme = lexemeOf(match[0]);
    if (lexeme !== null) out.push(lexeme);
  }
  return out;
};

/** How a term was written at one place in a text, and whether it opens a sentence there ("Term dates for…"). */
export type Written = { text: string; opensSentence: boolean };

type Word = { text: string; at: number; lexeme: string | null };

/**
 * A text read into words once, with where each lexeme starts: tagging asks it for every term of every rule that
 * matched, and reading the text again for each was most of the tagger's time on long threads.
 */
export type WordIndex = {
  text: string;
  words: Word[];
  starts: Map<string, number[]>;
  /** Answers already given: a department's rules share most of their words, so the same terms come back. */
  forms: Map<string, Written[]>;
};

export const indexWords = (text: string): WordIndex => {
  const words: Word[] = [];
  const starts = new Map<string, number[]>();
  for (const match of text.matchAll(WORD)) {
    const lexeme = lexemeOf(match[0]);
    if (lexeme !== null) {
      const at = starts.get(lexeme);
      if (at) at.push(words.length);
      else starts.set(lexeme, [words.length]);
    }
    words.push({ text: match[0], at: match.index, lexeme });
  }
  return { text, words, starts, forms: new Map() };
};

/** The text's lexemes in order, as `lexemes` gives them, from words already read. */
export const lexemesOf = (index: WordIndex): string[] => {
  const out: string[] = [];
  for (const word of index.words) if (word.lexeme !== null) out.push(word.lexeme);
  return out;
};

/**
 * Every place a matched term (a lexeme, or a phrase's lexemes separated by spaces) is written in the text, in
 * order: "Universal Credit" for `univers credit`, "payments" for `payment`, stop words inside a phrase included.
 * None when the text does not show it that way (a `#tag`, a `site:` field, a word the rule parser split otherwise).
 */
export const writtenForms = (index: WordIndex, term: string): Written[] => {
  let found = index.forms.get(term);
  if (!found) index.forms.set(term, (found = findWrittenForms(index, term)));
  return found;
};

const findWrittenForms = (index: WordIndex, term: string): Written[] => {
  const wanted = term.split(' ');
  const { words, text } = index;
  const found: Written[] = [];
  for (const start of index.starts.get(wanted[0]) ?? []) {
    let next = 1;
    let end = start;
    for (let i = start + 1; i < words.length && next < wanted.length; i++) {
      if (words[i].lexeme === null) continue;
      if (words[i].lexeme !== wanted[next]) break;
      next++;
      end = i;
    }
    if (next < wanted.length) continue;
    found.push({
      text: words
        .slice(start, end + 1)
        .map((w) => w.text)
        .join(' '),
      opensSentence: opensSentence(text, words[start].at),
    });
  }
  return found;
};

const SENTENCE_END = new Set(['.', '!', '?', ':', '\n']);
const WORD_CHARACTER = /\w/;

/**
 * Nothing but space, or the end of a sentence or line, before a word: looking back over the non-word characters
 * just before it (a regular expression anchored at the end would rescan the text before every word).
 */
const opensSentence = (text: string, at: number): boolean => {
  for (let i = at - 1; i >= 0; i--) {
    if (SENTENCE_END.has(text[i])) return true;
    if (WORD_CHARACTER.test(text[i])) return false;
  }
  return true;
};

/**
 * Sentences, for showing the one that asks a question. A full stop, "?" or "!" ends one only when a space
 * follows, so "?" inside a link ("…/search?q=passport") or a closing quote ("asked “why?” twice") does not.
 */
export const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
