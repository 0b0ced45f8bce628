import { newStemmer } from 'snowball-stemmers';
import { ENGLISH_STOP_WORDS } from '../stop-words';
import { pgTokens, type PgToken } from './pg-parser';
import { TokenType } from './pg-parser-states';

/** Postgres' tsvector limits (tsearch/ts_type.h): positions stop at 16383, at most 256 per lexeme. */
export const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Words of 2047 bytes or more are skipped by to_tsvector without taking a position. */
const MAX_WORD_BYTES = 2047;
/** The snowball dictionary leaves words over 1000 bytes unstemmed. */
const MAX_STEM_BYTES = 1000;

const T = TokenType;
/** Token types the `english` configuration sends to english_stem; the other indexed types go to `simple`. */
const STEMMED: ReadonlySet<number> = new Set([
  T.AsciiWord,
  T.Word,
  T.AsciiHWord,
  T.HWord,
  T.AsciiPartHWord,
  T.PartHWord,
]);
/** Token types with no dictionary: they produce nothing and take no position. */
const UNINDEXED: ReadonlySet<number> = new Set([T.Space, T.Tag, T.Protocol, T.XmlEntity]);

const stemmer = newStemmer('english');
const stemCache = new Map<string, string>();

const stem = (word: string): string => {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer.stem(word);
    // A bounded cache: social text repeats a small vocabulary, but an attacker's text need not.
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
};

/** UTF-8 length, counted only when it could reach `limit` (a UTF-16 unit is at most 3 UTF-8 bytes). */
const utf8BytesAtLeast = (text: string, limit: number): boolean =>
  text.length * 3 >= limit && Buffer.byteLength(text, 'utf8') >= limit;

/**
 * Lower-case one code point at a time, as Postgres' towlower does: no context rules (final sigma),
 * and where Unicode lower-cases to several code points (U+0130), keep the first.
 */
export const pgLower = (text: string): string => {
  // eslint-disable-next-line no-control-regex -- the common all-ASCII case needs no per-character work
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) out += String.fromCodePoint(char.toLowerCase().codePointAt(0) ?? 0);
  return out;
};

const lexize = (token: PgToken): string | null => {
  const lower = pgLower(token.text);
  if (!STEMMED.has(token.type)) return lower;
  if (utf8BytesAtLeast(token.text, MAX_STEM_BYTES + 1)) return lower;
  return ENGLISH_STOP_WORDS.has(lower) ? null : stem(lower);
};

/**
 * One entry per token that takes a position in `to_tsvector('english', text)`, in order: the lexeme,
 * or null for a stop word (which still takes its position, so phrase distances count it).
 */
export const positionedLexemes = (text: string): (string | null)[] => {
  const out: (string | null)[] = [];
  for (const token of pgTokens(text)) {
    if (UNINDEXED.has(token.type) || utf8BytesAtLeast(token.text, MAX_WORD_BYTES)) continue;
    out.push(lexize(token));
  }
  return out;
};

/**
 * The lexeme a prefix search (`word:*`) looks for: the word as `to_tsquery('english', 'word:*')`
 * normalises it (stemmed when it is a word), except that a stop word is kept — `her*` should find
 * "heritage". Null when the text is not a single word or number to Postgres' parser.
 */
export const prefixLexeme = (text: string): string | null => {
  const tokens = pgTokens(text);
  if (tokens.length !== 1) return null;
  const [token] = tokens;
  const wordLike = [T.AsciiWord, T.Word, T.NumWord, T.UnsignedInt] as number[];
  if (!wordLike.includes(token.type)) return null;
  const lower = pgLower(token.text);
  return STEMMED.has(token.type) ? stem(lower) : lower;
};

/** lexeme → positions, as `to_tsvector('english', text)` stores them (capped and de-duplicated). */
export const tsvectorOf = (text: string): Map<string, number[]> => {
  const vector = new Map<string, number[]>();
  positionedLexemes(text).forEach((lexeme, index) => {
    if (lexeme === null) return;
    const position = Math.min(index + 1, MAX_POSITION);
    const positions = vector.get(lexeme);
    if (!positions) {
      vector.set(lexeme, [position]);
      return;
    }
    const last = positions[positions.length - 1];
    // uniqueWORD() in to_tsany.c: at most 255 positions, none after the cap, no repeats.
    if (positions.length < MAX_POSITIONS_PER_LEXEME - 1 && last !== MAX_POSITION && last !== position) {
      positions.push(position);
    }
  });
  return vector;
};

/** Positions of one lexeme in the title||text vector; `title` are those weighted 'A'. */
export type Postings = { all: number[]; title: number[] };

const maxPosition = (vector: Map<string, number[]>): number => {
  let max = 0;
  for (const positions of vector.values()) max = Math.max(max, positions[positions.length - 1]);
  return max;
};

/**
 * `setweight(title, 'A') || setweight(text, 'B')` (tsvector_concat): text positions are shifted past
 * the title's last *indexed* position, so a title's trailing stop words do not separate it from the text.
 */
export const concatTitleAndText = (
  title: Map<string, number[]>,
  text: Map<string, number[]>,
): Map<string, Postings> => {
  const shift = maxPosition(title);
  const out = new Map<string, Postings>();
  for (const [lexeme, positions] of title) out.set(lexeme, { all: [...positions], title: [...positions] });
  for (const [lexeme, positions] of text) {
    const postings = out.get(lexeme) ?? { all: [], title: [] };
    for (const position of positions) {
      const all = postings.all;
      if (all.length >= MAX_POSITIONS_PER_LEXEME || all[all.length - 1] === MAX_POSITION) break;
      all.push(Math.min(position + shift, MAX_POSITION));
    }
    if (postings.all.length > 0) out.set(lexeme, postings);
  }
  return out;
};
