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

/**
 * Every place a matched term (a lexeme, or a phrase's lexemes separated by spaces) is written in the text, in
 * order: "Universal Credit" for `univers credit`, "payments" for `payment`, stop words inside a phrase included.
 * None when the text does not show it that way (a `#tag`, a `site:` field, a word the rule parser split otherwise).
 */
export const writtenForms = (text: string, term: string): Written[] => {
  const wanted = term.split(' ');
  const words = [...text.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index, lexeme: lexemeOf(m[0]) }));
  const found: Written[] = [];
  for (let start = 0; start < words.length; start++) {
    if (words[start].lexeme !== wanted[0]) continue;
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
      opensSentence: SENTENCE_OPENING.test(text.slice(0, words[start].at)),
    });
  }
  return found;
};

/** Nothing but space, or the end of a sentence or line, before a word. */
const SENTENCE_OPENING = /(?:^|[.!?:\n])\W*$/;

/**
 * Sentences, for showing the one that asks a question. A full stop, "?" or "!" ends one only when a space
 * follows, so "?" inside a link ("…/search?q=passport") or a closing quote ("asked “why?” twice") does not.
 */
export const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
