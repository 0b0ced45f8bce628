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
 * How a matched term (a lexeme, or a phrase's lexemes separated by spaces) was written in the text: "Universal
 * Credit" for `univers credit`, "payments" for `payment`, stop words inside a phrase included. The first place it
 * does not open a sentence (where a capital says something), else the first; null when the text does not show
 * it that way (a `#tag`, a `site:` field, a word the rule parser split otherwise).
 */
export const writtenAs = (text: string, term: string): Written | null => {
  const wanted = term.split(' ');
  const words = [...text.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index, lexeme: lexemeOf(m[0]) }));
  let first: Written | null = null;
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
    const found = {
      text: words
        .slice(start, end + 1)
        .map((w) => w.text)
        .join(' '),
      opensSentence: SENTENCE_OPENING.test(text.slice(0, words[start].at)),
    };
    if (!found.opensSentence) return found;
    first ??= found;
  }
  return first;
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
