import { indexWords, lexemes } from '../text-analysis';

/**
 * One keyphrase of a post: `key` is its stems separated by spaces (how posts are compared: "appeals" and "appeal"
 * are one phrase), `text` how the post wrote it (how people read it; a word that opens a sentence is lower-cased,
 * so "Exam appeals are…" and "…about exam appeals" are one form).
 */
export type Keyphrase = { key: string; text: string };

/** Links, handles and e-mail addresses are no part of what a post is about, and they break a phrase. */
const NOT_WORDS = /https?:\/\/\S+|www\.\S+|\S+@\S+|(?<![\w])@[\w.-]+/gi;
/** Between two words of one phrase: spaces, or a hyphen ("follow-up"). */
const JOINS_PHRASE = /^[\s-]*$/;
/**
 * Words social posts use whatever they are about (stems). Postgres' stop words leave these in, and every theme
 * would otherwise gather round "thank", "get" or "peopl".
 */
const GENERIC = new Set(
  'thank thanks pleas get got know think want need say said make made go goe went one two also realli still even today year time day week peopl thing lot way look see use like just would could can will yes lol amp via new good great back right well much mani take come anyon someon everyon anyth someth everyth hello hey hi sure actual'.split(
    ' ',
  ),
);

const isContentWord = (lexeme: string | null, ignore: ReadonlySet<string>): lexeme is string =>
  lexeme !== null &&
  lexeme.length >= 3 &&
  !/^\d+$/.test(lexeme) &&
  !GENERIC.has(lexeme) &&
  !ignore.has(lexeme);

/**
 * The stems of names to leave out of keyphrases: the department's own name and aliases appear in most of its
 * on-topic posts and would make one theme of everything.
 */
export const ignoredStems = (names: readonly string[]): Set<string> =>
  new Set(names.flatMap((n) => lexemes(n)));

/**
 * A post's keyphrases: each content word (not a stop word, a generic word, a number or one of `ignore`) and each
 * pair of content words written side by side. Word pairs carry most of a theme's meaning ("exam appeals",
 * "grade boundaries"); single words let a post that phrases it differently still join. Each key once, at its first
 * written form, in the order first written.
 */
export const keyphrasesOf = (text: string, ignore: ReadonlySet<string> = new Set()): Keyphrase[] => {
  const cleaned = text.replace(NOT_WORDS, ' . ');
  const { words } = indexWords(cleaned);
  const found = new Map<string, string>();
  const add = (key: string, written: string) => {
    if (!found.has(key)) found.set(key, written);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!isContentWord(word.lexeme, ignore)) continue;
    add(word.lexeme, writtenAt(cleaned, word.at, word.text));
    const next = words[i + 1];
    if (
      next &&
      isContentWord(next.lexeme, ignore) &&
      next.lexeme !== word.lexeme &&
      JOINS_PHRASE.test(cleaned.slice(word.at + word.text.length, next.at))
    ) {
      add(
        `${word.lexeme} ${next.lexeme}`,
        writtenAt(cleaned, word.at, cleaned.slice(word.at, next.at + next.text.length).replace(/\s+/g, ' ')),
      );
    }
  }
  return [...found].map(([key, written]) => ({ key, text: written }));
};

/** A phrase as written, lower-cased at the start of a sentence unless it is an acronym ("DVLA"). */
const writtenAt = (text: string, at: number, written: string): string => {
  const before = text.slice(0, at).trimEnd();
  const opensSentence = before === '' || /[.!?:\n]$/.test(before) || /^#/.test(text.slice(at - 1, at));
  const first = written.split(/[\s-]/)[0];
  if (!opensSentence || first === first.toUpperCase()) return written;
  return written[0].toLowerCase() + written.slice(1);
};

/** How many words a key has. */
export const wordsIn = (key: string): number => key.split(' ').length;
