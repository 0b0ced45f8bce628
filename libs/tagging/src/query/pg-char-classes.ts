/**
 * Character classes as Postgres' default text-search parser sees them in a UTF-8 database whose LC_CTYPE
 * is a glibc Unicode locale (C.UTF-8, en_US.UTF-8): ASCII by the C rules, everything else by glibc's
 * Unicode tables (alpha = Alphabetic or a non-ASCII decimal digit; space = Z* except no-break spaces).
 */
export const ALPHA = 1;
export const DIGIT = 2;
export const SPACE = 4;
export const XDIGIT = 8;
export const SPECIAL = 16;
export const URL_CHAR = 32;

const NON_ASCII_ALPHA = /[\p{Alphabetic}\p{Nd}]/u;
const NON_ASCII_SPACE = /[\p{Zs}\p{Zl}\p{Zp}]/u;
const NO_BREAK_SPACES = new Set([0xa0, 0x2007, 0x202f]);
// pg_dsplen() is 0 for combining marks, and the parser lists spacing marks (Mc) of Indic scripts as
// "strange letters": both continue a word without starting one. Format characters (U+200B) break words.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Mc}]/u;
const URL_REJECTED = new Set(['"', '<', '>', '\\', '^', '`', '{', '|', '}'].map((c) => c.charCodeAt(0)));

const asciiClasses = (cp: number): number => {
  const c = String.fromCharCode(cp);
  let bits = 0;
  if (/[A-Za-z]/.test(c)) bits |= ALPHA;
  if (/[0-9]/.test(c)) bits |= DIGIT;
  if (/[ \t\n\v\f\r]/.test(c)) bits |= SPACE;
  if (/[0-9A-Fa-f]/.test(c)) bits |= XDIGIT;
  if (cp > 0x20 && cp < 0x7f && !URL_REJECTED.has(cp)) bits |= URL_CHAR;
  return bits;
};

const unicodeClasses = (cp: number): number => {
  const c = String.fromCodePoint(cp);
  let bits = 0;
  if (NON_ASCII_ALPHA.test(c)) bits |= ALPHA;
  if (NON_ASCII_SPACE.test(c) && !NO_BREAK_SPACES.has(cp)) bits |= SPACE;
  if (ZERO_WIDTH.test(c)) bits |= SPECIAL;
  return bits;
};

const ASCII_TABLE = Array.from({ length: 128 }, (_, cp) => asciiClasses(cp));
const unicodeCache = new Map<number, number>();

/** The class bits of one code point (cached: documents repeat the same few hundred characters). */
export const classesOf = (cp: number): number => {
  if (cp < 128) return ASCII_TABLE[cp];
  let bits = unicodeCache.get(cp);
  if (bits === undefined) {
    bits = unicodeClasses(cp);
    if (unicodeCache.size < 100_000) unicodeCache.set(cp, bits);
  }
  return bits;
};
