import { CACHE_SIZE, CACHED_WORD_LENGTH, stem } from '../stem';
import { ENGLISH_STOP_WORDS } from '../stop-words';
import { pgTokens, visitPgTokens } from './pg-parser';
import { TokenType } from './pg-parser-states';

/** Postgres' tsvector limits (tsearch/ts_type.h): positions stop at 16383, at most 256 per lexeme. */
export const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Words of 2047 bytes or more are skipped by to_tsvector without taking a position. */
const MAX_WORD_BYTES = 2047;
/** The snowball dictionary leaves words over 1000 bytes unstemmed. */
const MAX_STEM_BYTES = 1000;

const T = TokenType;
/** A flag per token type (read once per token, so a typed array rather than a Set). */
const typeFlags = (types: TokenType[]): Uint8Array => {
  const flags = new Uint8Array(Math.max(...Object.values(T)) + 1);
  for (const type of types) flags[type] = 1;
  return flags;
};
/** Token types the `english` configuration sends to english_stem; the other indexed types go to `simple`. */
const STEMMED = typeFlags([T.AsciiWord, T.Word, T.AsciiHWord, T.HWord, T.AsciiPartHWord, T.PartHWord]);
/** Token types with no dictionary: they produce nothing and take no position. */
const UNINDEXED = typeFlags([T.Space, T.Tag, T.Protocol, T.XmlEntity]);

/** Word token as written → its lexeme (null for a stop word), bounded like the stem cache. */
const lexemeCache = new Map<string, string | null>();

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

const stemWord = (text: string): string | null => {
  const lower = pgLower(text);
  if (utf8BytesAtLeast(text, MAX_STEM_BYTES + 1)) return lower;
  return ENGLISH_STOP_WORDS.has(lower) ? null : stem(lower);
};

const lexize = (type: TokenType, text: string): string | null => {
  if (STEMMED[type] === 0) return pgLower(text);
  if (text.length > CACHED_WORD_LENGTH) return stemWord(text);
  let lexeme = lexemeCache.get(text);
  if (lexeme === undefined) {
    lexeme = stemWord(text);
    if (lexemeCache.size >= CACHE_SIZE) lexemeCache.clear();
    lexemeCache.set(text, lexeme);
  }
  return lexeme;
};

/**
 * Calls `visit` once per token that takes a position in `to_tsvector('english', text)`, in order, with
 * the lexeme, or null for a stop word (which still takes its position, so phrase distances count it).
 */
const visitPositionedLexemes = (text: string, visit: (lexeme: string | null) => void): void =>
  visitPgTokens(text, (type, token) => {
    if (UNINDEXED[type] === 0 && !utf8BytesAtLeast(token, MAX_WORD_BYTES)) visit(lexize(type, token));
  });

/** The lexemes visitPositionedLexemes gives, as a list. */
export const positionedLexemes = (text: string): (string | null)[] => {
  const out: (string | null)[] = [];
  visitPositionedLexemes(text, (lexeme) => out.push(lexeme));
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
  return STEMMED[token.type] === 1 ? stem(lower) : lower;
};

/** lexeme → positions, as `to_tsvector('english', text)` stores them (capped and de-duplicated). */
export const tsvectorOf = (text: string): Map<string, number[]> => {
  const vector = new Map<string, number[]>();
  let index = 0;
  visitPositionedLexemes(text, (lexeme) => {
    index++;
    if (lexeme === null) return;
    const position = Math.min(index, MAX_POSITION);
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
export type Postings = { all: number[]; title: readonly number[] };

const maxPosition = (vector: Map<string, number[]>): number => {
  let max = 0;
  for (const positions of vector.values()) max = Math.max(max, positions[positions.length - 1]);
  return max;
};

const NO_POSITIONS: readonly number[] = [];

/** Shifts owned, ascending positions in place, dropping any after the first that reaches the cap. */
const shiftInPlace = (positions: number[], shift: number): number[] => {
  for (let i = 0; i < positions.length; i++) {
    positions[i] = Math.min(positions[i] + shift, MAX_POSITION);
    if (positions[i] === MAX_POSITION) positions.length = i + 1;
  }
  return positions;
};

/**
 * `setweight(title, 'A') || setweight(text, 'B')` (tsvector_concat): text positions are shifted past
 * the title's last *indexed* position, so a title's trailing stop words do not separate it from the text.
 * Takes ownership of both vectors' arrays.
 */
export const concatTitleAndText = (
  title: Map<string, number[]>,
  text: Map<string, number[]>,
): Map<string, Postings> => {
  const shift = maxPosition(title);
  const out = new Map<string, Postings>();
  for (const [lexeme, positions] of title) {
    out.set(lexeme, { all: text.has(lexeme) ? [...positions] : positions, title: positions });
  }
  for (const [lexeme, positions] of text) {
    const postings = out.get(lexeme);
    if (!postings) {
      out.set(lexeme, { all: shiftInPlace(positions, shift), title: NO_POSITIONS });
      continue;
    }
    const all = postings.all;
    for (const position of positions) {
      if (all.length >= MAX_POSITIONS_PER_LEXEME || all[all.length - 1] === MAX_POSITION) break;
      all.push(Math.min(position + shift, MAX_POSITION));
    }
  }
  return out;
};
