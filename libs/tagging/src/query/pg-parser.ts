import { ALPHA, DIGIT, SPACE, SPECIAL, URL_CHAR, XDIGIT, classesOf } from './pg-char-classes';
import {
  type Action,
  BINGO,
  CLEAR,
  CLRALL,
  MERGE,
  POP,
  PUSH,
  RERUN,
  STATES,
  type StateName,
  TokenType,
} from './pg-parser-states';

export type PgToken = { type: TokenType; text: string };

/** One entry of the parser's position stack (TParserPosition). */
type Frame = {
  pos: number;
  charlen: number;
  lenToken: number;
  state: StateName;
  prev: Frame | null;
  pushedAt: number;
};

type Text = { chars: readonly string[]; codes: readonly number[]; classes: readonly number[] };

const frameAt = (pos: number, state: StateName, prev: Frame | null): Frame => ({
  pos,
  charlen: 0,
  lenToken: 0,
  state,
  prev,
  pushedAt: -1,
});

/**
 * The driver of the default parser (TParserGet), working on code points where Postgres works on
 * bytes; every test Postgres makes with a byte length of 1 is a test for an ASCII character here.
 */
export class PgScanner {
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
    this.frame = frameAt(start, 'Base', null);
  }

  private get end(): number {
    return this.text.codes.length;
  }

  private bits(): number {
    return this.frame.pos < this.end ? this.text.classes[this.frame.pos] : 0;
  }

  isEOF(): boolean {
    return this.frame.pos === this.end || this.frame.charlen === 0;
  }
  isEq(code: number): boolean {
    return this.frame.pos < this.end && this.text.codes[this.frame.pos] === code;
  }
  isAlpha(): boolean {
    return (this.bits() & ALPHA) !== 0;
  }
  isDigit(): boolean {
    return (this.bits() & DIGIT) !== 0;
  }
  isAlnum(): boolean {
    return (this.bits() & (ALPHA | DIGIT)) !== 0;
  }
  isSpace(): boolean {
    return (this.bits() & SPACE) !== 0;
  }
  isXdigit(): boolean {
    return (this.bits() & XDIGIT) !== 0;
  }
  isSpecial(): boolean {
    return (this.bits() & SPECIAL) !== 0;
  }
  isUrlChar(): boolean {
    return (this.bits() & URL_CHAR) !== 0;
  }
  isAsclet(): boolean {
    return this.frame.pos < this.end && this.text.codes[this.frame.pos] < 128 && this.isAlpha();
  }

  takeWantHost(): boolean {
    if (!this.wantHost) return false;
    this.wantHost = false;
    return true;
  }

  rewindToken(clearLength: boolean): void {
    this.frame.pos -= this.frame.lenToken;
    if (clearLength) this.frame.lenToken = 0;
  }

  /** SpecialTags: text inside <script> and <style> is skipped as space. */
  specialTags(): void {
    const length = this.frame.lenToken;
    const token = this.text.chars
      .slice(this.tokenStart, this.tokenStart + length)
      .join('')
      .toLowerCase();
    if (length === 8 && token === '</script') this.ignore = false;
    else if (length === 7 && token === '</style') this.ignore = false;
    else if (length === 7 && token === '<script') this.ignore = true;
    else if (length === 6 && token === '<style') this.ignore = true;
  }

  /** p_ishost: a nested parse from here; on a host name, swallow it into the current token. */
  consumeHost(): boolean {
    const sub = new PgScanner(this.text, this.frame.pos);
    sub.wantHost = true;
    return this.absorb(sub, TokenType.Host);
  }

  /** p_isURLPath: the same for the path part of a URL. */
  consumeUrlPath(): boolean {
    const sub = new PgScanner(this.text, this.frame.pos);
    sub.frame = { ...sub.frame, prev: sub.frame, state: 'InURLPathFirst' };
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
    let item: Action | null = null;
    while (this.frame.pos <= this.end) {
      const frame = this.frame;
      frame.charlen = frame.pos === this.end ? 0 : 1;
      const actions: readonly Action[] = STATES[frame.state];
      let index = frame.pushedAt >= 0 ? frame.pushedAt + 1 : 0;
      frame.pushedAt = -1;
      for (let test = actions[index][0]; test !== null && !test(this); test = actions[index][0]) index++;
      item = actions[index];
      this.apply(item, index);
      const flags = item[1];
      if (flags & BINGO || (this.frame.pos >= this.end && !(flags & RERUN))) break;
      if (flags & (RERUN | POP)) continue;
      if (this.frame.charlen) {
        this.frame.pos++;
        this.frame.lenToken++;
      }
    }
    return item !== null && (item[1] & BINGO) !== 0;
  }

  private apply(item: Action, index: number): void {
    const [, flags, to, type, special] = item;
    special?.(this);
    if (flags & BINGO) {
      this.tokenLength = this.frame.lenToken;
      this.frame.lenToken = 0;
      this.type = type;
    }
    this.moveStack(flags, index);
    if (to !== null) this.frame.state = to as StateName;
  }

  private moveStack(flags: number, index: number): void {
    const frame = this.frame;
    if (flags & POP) {
      this.frame = frame.prev ?? frame;
    } else if (flags & PUSH) {
      frame.pushedAt = index;
      this.frame = { ...frame, prev: frame, pushedAt: -1 };
    } else if (flags & CLEAR) {
      frame.prev = frame.prev?.prev ?? null;
    } else if (flags & CLRALL) {
      frame.prev = null;
    } else if (flags & MERGE && frame.prev) {
      const { pos, charlen, lenToken } = frame;
      this.frame = Object.assign(frame.prev, { pos, charlen, lenToken });
    }
  }
}

const prepareText = (text: string): Text => {
  const chars = Array.from(text);
  const codes = chars.map((c) => c.codePointAt(0) ?? 0);
  return { chars, codes, classes: codes.map(classesOf) };
};

/** The tokens `ts_debug('english', text)` would list, blanks included. */
export const pgTokens = (text: string): PgToken[] => {
  const prepared = prepareText(text);
  const scanner = new PgScanner(prepared, 0);
  const tokens: PgToken[] = [];
  while (scanner.next()) {
    const start = scanner.tokenStart;
    const chars = prepared.chars.slice(start, start + scanner.tokenLength).join('');
    tokens.push({ type: scanner.type as TokenType, text: chars });
  }
  return tokens;
};
