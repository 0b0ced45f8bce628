import { ALPHA, DIGIT, SPACE, SPECIAL, URL_CHAR, XDIGIT, classesOf } from './pg-char-classes';
import {
  BINGO,
  CharTest,
  CLEAR,
  CLRALL,
  MERGE,
  NEXT,
  POP,
  PUSH,
  RERUN,
  Special,
  STATES,
  type StateName,
  TokenType,
} from './pg-parser-states';

export type PgToken = { type: TokenType; text: string };

/** A row of the state table with the next state as an index: the hot loop avoids string-keyed lookups. */
type Step = { test: number; flags: number; to: number; type: TokenType | 0; special: number };

const STATE_NAMES = Object.keys(STATES) as StateName[];
const stateIndex = (name: string): number => STATE_NAMES.indexOf(name as StateName);
const TABLE: readonly (readonly Step[])[] = STATE_NAMES.map((name) =>
  STATES[name].map(([test, flags, to, type, special]) => ({
    test: test ?? 0,
    flags,
    to: to === null ? -1 : stateIndex(to),
    type,
    special: special ?? Special.None,
  })),
);
const BASE = stateIndex('Base');
const URL_PATH_FIRST = stateIndex('InURLPathFirst');

/** One entry of the parser's position stack (TParserPosition). */
type Frame = {
  pos: number;
  charlen: number;
  lenToken: number;
  state: number;
  prev: Frame | null;
  pushedAt: number;
};

/**
 * The text as code points. `codes` and `classes` carry one sentinel entry past the end (-1 and 0), so the
 * hot loop reads the character at `end` without a bounds check: it matches no test, as in C's NUL.
 */
type Text = {
  source: string;
  codes: readonly number[];
  classes: readonly number[];
  /** UTF-16 offset of each code point, and of the end: tokens are cut from `source` by these. */
  offsets: readonly number[];
  end: number;
};

// Frames are only ever made here, so they all share one hidden class and the hot loop stays monomorphic.
const frameAt = (pos: number, state: number, prev: Frame | null): Frame => ({
  pos,
  charlen: 0,
  lenToken: 0,
  state,
  prev,
  pushedAt: -1,
});

/** newTParserPosition(): a copy of `frame` stacked on top of it. */
const pushFrame = (frame: Frame): Frame => {
  const copy = frameAt(frame.pos, frame.state, frame);
  copy.charlen = frame.charlen;
  copy.lenToken = frame.lenToken;
  return copy;
};

/**
 * The driver of the default parser (TParserGet), working on code points where Postgres works on
 * bytes; every test Postgres makes with a byte length of 1 is a test for an ASCII character here.
 */
class PgScanner {
  ignore = false;
  wantHost = false;
  type: TokenType | 0 = 0;
  tokenStart = 0;
  tokenLength = 0;
  private frame: Frame;

  constructor(
    private readonly text: Text,
    start: number,
  ) {
    this.frame = frameAt(start, BASE, null);
    this.end = text.end;
  }

  private readonly end: number;

  private bits(): number {
    return this.text.classes[this.frame.pos];
  }

  private isEOF(): boolean {
    return this.frame.pos === this.end || this.frame.charlen === 0;
  }
  private isEq(code: number): boolean {
    return this.text.codes[this.frame.pos] === code;
  }
  private isAsclet(): boolean {
    return this.text.codes[this.frame.pos] < 128 && (this.bits() & ALPHA) !== 0;
  }

  private takeWantHost(): boolean {
    if (!this.wantHost) return false;
    this.wantHost = false;
    return true;
  }

  private rewindToken(clearLength: boolean): void {
    this.frame.pos -= this.frame.lenToken;
    if (clearLength) this.frame.lenToken = 0;
  }

  /** SpecialTags: text inside <script> and <style> is skipped as space. */
  private specialTags(): void {
    const length = this.frame.lenToken;
    const token = sliceText(this.text, this.tokenStart, length).toLowerCase();
    if (length === 8 && token === '</script') this.ignore = false;
    else if (length === 7 && token === '</style') this.ignore = false;
    else if (length === 7 && token === '<script') this.ignore = true;
    else if (length === 6 && token === '<style') this.ignore = true;
  }

  /** p_ishost: a nested parse from here; on a host name, swallow it into the current token. */
  private consumeHost(): boolean {
    const sub = new PgScanner(this.text, this.frame.pos);
    sub.wantHost = true;
    return this.absorb(sub, TokenType.Host);
  }

  /** p_isURLPath: the same for the path part of a URL. */
  private consumeUrlPath(): boolean {
    const sub = new PgScanner(this.text, this.frame.pos);
    sub.frame = pushFrame(sub.frame);
    sub.frame.state = URL_PATH_FIRST;
    return this.absorb(sub, TokenType.UrlPath);
  }

  private absorb(sub: PgScanner, wanted: TokenType): boolean {
    if (!sub.next() || sub.type !== wanted) return false;
    this.frame.pos += sub.tokenLength;
    this.frame.lenToken += sub.tokenLength;
    this.frame.charlen = sub.frame.charlen;
    return true;
  }

  /** TParserGet: advance to the next token; false at the end of the text. */
  next(): boolean {
    if (this.frame.pos >= this.end) return false;
    this.tokenStart = this.frame.pos;
    this.frame.pushedAt = -1;
    let step: Step | null = null;
    while (this.frame.pos <= this.end) {
      const frame = this.frame;
      frame.charlen = frame.pos === this.end ? 0 : 1;
      const steps = TABLE[frame.state];
      let index = frame.pushedAt >= 0 ? frame.pushedAt + 1 : 0;
      frame.pushedAt = -1;
      while (steps[index].test !== 0 && !this.passes(steps[index].test)) index++;
      step = steps[index];
      if (step.flags === NEXT && step.special === Special.None) {
        if (step.to >= 0) frame.state = step.to;
      } else this.apply(step, index);
      if (step.flags & BINGO || (this.frame.pos >= this.end && !(step.flags & RERUN))) break;
      if (step.flags & (RERUN | POP)) continue;
      if (this.frame.charlen) {
        this.frame.pos++;
        this.frame.lenToken++;
      }
    }
    return step !== null && (step.flags & BINGO) !== 0;
  }

  private passes(test: number): boolean {
    if (test >= CharTest.EQ) return this.isEq(test - CharTest.EQ);
    switch (test) {
      case CharTest.EOF:
        return this.isEOF();
      case CharTest.Alpha:
        return (this.bits() & ALPHA) !== 0;
      case CharTest.Alnum:
        return (this.bits() & (ALPHA | DIGIT)) !== 0;
      case CharTest.NotAlnum:
        return (this.bits() & (ALPHA | DIGIT)) === 0;
      case CharTest.Digit:
        return (this.bits() & DIGIT) !== 0;
      case CharTest.Space:
        return (this.bits() & SPACE) !== 0;
      case CharTest.Xdigit:
        return (this.bits() & XDIGIT) !== 0;
      case CharTest.Asclet:
        return this.isAsclet();
      case CharTest.Special:
        return (this.bits() & SPECIAL) !== 0;
      case CharTest.UrlChar:
        return (this.bits() & URL_CHAR) !== 0;
      default:
        return this.passesStateful(test);
    }
  }

  /** The tests with side effects or nested parses (p_isstophost, p_ishost, p_isURLPath). */
  private passesStateful(test: number): boolean {
    switch (test) {
      case CharTest.Ignore:
        return this.ignore;
      case CharTest.StopHost:
        return this.takeWantHost();
      case CharTest.Host:
        return this.consumeHost();
      case CharTest.UrlPath:
        return this.consumeUrlPath();
      default:
        throw new Error(`unknown character test ${test}`);
    }
  }

  private runSpecial(special: number): void {
    switch (special) {
      case Special.Tags:
        return this.specialTags();
      case Special.Hyphen:
        return this.rewindToken(false);
      case Special.VerVersion:
        return this.rewindToken(true);
      case Special.FURL:
        this.wantHost = true;
        return this.rewindToken(false);
    }
  }

  private apply(step: Step, index: number): void {
    if (step.special !== Special.None) this.runSpecial(step.special);
    if (step.flags & BINGO) {
      this.tokenLength = this.frame.lenToken;
      this.frame.lenToken = 0;
      this.type = step.type;
    }
    this.moveStack(step.flags, index);
    if (step.to >= 0) this.frame.state = step.to;
  }

  private moveStack(flags: number, index: number): void {
    const frame = this.frame;
    if (flags & POP) {
      this.frame = frame.prev ?? frame;
    } else if (flags & PUSH) {
      frame.pushedAt = index;
      this.frame = pushFrame(frame);
    } else if (flags & CLEAR) {
      frame.prev = frame.prev?.prev ?? null;
    } else if (flags & CLRALL) {
      frame.prev = null;
    } else if (flags & MERGE && frame.prev) {
      const below = frame.prev;
      below.pos = frame.pos;
      below.charlen = frame.charlen;
      below.lenToken = frame.lenToken;
      this.frame = below;
    }
  }
}

const prepareText = (source: string): Text => {
  const codes: number[] = [];
  const classes: number[] = [];
  const offsets: number[] = [];
  for (let offset = 0; offset < source.length;) {
    const code = source.codePointAt(offset) ?? 0;
    offsets.push(offset);
    codes.push(code);
    classes.push(classesOf(code));
    offset += code > 0xffff ? 2 : 1;
  }
  const end = codes.length;
  offsets.push(source.length);
  codes.push(-1);
  classes.push(0);
  return { source, codes, classes, offsets, end };
};

const sliceText = (text: Text, start: number, length: number): string =>
  text.source.slice(text.offsets[start], text.offsets[start + length]);

/** Receives each token but blanks, in order. */
export type TokenVisitor = (type: TokenType, text: string) => void;

/** Every token of `source` but blanks, by the state machine. */
const scan = (source: string, visit: TokenVisitor): void => {
  const prepared = prepareText(source);
  const scanner = new PgScanner(prepared, 0);
  while (scanner.next()) {
    if (scanner.type === TokenType.Space) continue;
    visit(scanner.type as TokenType, sliceText(prepared, scanner.tokenStart, scanner.tokenLength));
  }
};

/** ASCII characters that send the parser into any state but word, number and blank. */
const NOT_PLAIN = new Uint8Array(128);
for (const char of '<-+&~/.@:_') NOT_PLAIN[char.charCodeAt(0)] = 1;

const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Whether text[start, end) has none of NOT_PLAIN, nor a digit followed by "e" ("1e5" is a float). */
const isPlain = (text: string, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && NOT_PLAIN[code] === 1) return false;
    if ((code === 101 || code === 69) && i > start && isAsciiDigit(text.charCodeAt(i - 1))) return false;
  }
  return true;
};

const plainType = (hasDigit: boolean, hasOther: boolean, asciiLetters: boolean): TokenType => {
  if (!hasOther) return TokenType.UnsignedInt;
  if (hasDigit) return TokenType.NumWord;
  return asciiLetters ? TokenType.AsciiWord : TokenType.Word;
};

/**
 * A chunk of only letters, digits, combining marks and plain punctuation parses as runs of letters and
 * digits (continued, not started, by combining marks) between blanks; this is what the state machine does
 * with such text, without its cost.
 */
const scanPlain = (text: string, start: number, end: number, visit: TokenVisitor): void => {
  let runStart = -1;
  let hasDigit = false;
  let hasOther = false;
  let asciiLetters = true;
  for (let i = start; i <= end;) {
    const code = i < end ? (text.codePointAt(i) as number) : 32;
    const bits = classesOf(code);
    const starts = (bits & (ALPHA | DIGIT)) !== 0;
    if (runStart < 0 && starts) {
      runStart = i;
      hasDigit = hasOther = false;
      asciiLetters = true;
    }
    if (runStart >= 0 && (starts || (bits & SPECIAL) !== 0)) {
      if (bits & DIGIT) hasDigit = true;
      else hasOther = true;
      if (code >= 128) asciiLetters = false;
    } else if (runStart >= 0) {
      visit(plainType(hasDigit, hasOther, asciiLetters), text.slice(runStart, i));
      runStart = -1;
    }
    i += code > 0xffff ? 2 : 1;
  }
};

/**
 * The tokens `ts_debug('english', text)` lists, without the blanks, each given to `visit`. Without "<" (no
 * tags) no token spans ASCII white space, so each white-space-separated chunk is parsed on its own: plain
 * ones by the fast rule, the rest by the state machine started on a space, where the full parse would be
 * in a blank.
 */
export const visitPgTokens = (text: string, visit: TokenVisitor): void => {
  if (text.includes('<')) return scan(text, visit);
  let chunkStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isAsciiSpace(text.charCodeAt(i))) {
      if (chunkStart < 0) chunkStart = i;
      continue;
    }
    if (chunkStart < 0) continue;
    if (isPlain(text, chunkStart, i)) scanPlain(text, chunkStart, i, visit);
    else scan(chunkStart === 0 ? text.slice(0, i) : ` ${text.slice(chunkStart, i)}`, visit);
    chunkStart = -1;
  }
};

/** The tokens of visitPgTokens as a list. */
export const pgTokens = (text: string): PgToken[] => {
  const tokens: PgToken[] = [];
  visitPgTokens(text, (type, token) => tokens.push({ type, text: token }));
  return tokens;
};
