/**
 * The state table of Postgres' default text-search parser (src/backend/tsearch/wparser_def.c,
 * PostgreSQL licence), transcribed one row per C row so the two can be compared line by line.
 * Matching posts in-process must split text exactly as `to_tsvector` does, or phrase and NEAR
 * positions, and even which words exist ("loans.Students" is one host name), would disagree.
 */
export const TokenType = {
  AsciiWord: 1,
  Word: 2,
  NumWord: 3,
  Email: 4,
  Url: 5,
  Host: 6,
  Scientific: 7,
  Version: 8,
  NumPartHWord: 9,
  PartHWord: 10,
  AsciiPartHWord: 11,
  Space: 12,
  Tag: 13,
  Protocol: 14,
  NumHWord: 15,
  AsciiHWord: 16,
  HWord: 17,
  UrlPath: 18,
  File: 19,
  Decimal: 20,
  SignedInt: 21,
  UnsignedInt: 22,
  XmlEntity: 23,
} as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

export const NEXT = 0;
export const BINGO = 1;
export const POP = 2;
export const PUSH = 4;
export const RERUN = 8;
export const CLEAR = 16;
export const MERGE = 32;
export const CLRALL = 64;

/**
 * Character tests and special handlers are small numbers, not functions: the driver evaluates them in a
 * switch, which V8 runs several times faster than ~750 calls per post through one megamorphic call site.
 * `eq(c)` encodes "the character is c" as EQ + its code.
 */
export const CharTest = {
  EOF: 1,
  Alpha: 2,
  Alnum: 3,
  NotAlnum: 4,
  Digit: 5,
  Space: 6,
  Xdigit: 7,
  Asclet: 8,
  Special: 9,
  UrlChar: 10,
  Ignore: 11,
  StopHost: 12,
  Host: 13,
  UrlPath: 14,
  EQ: 1000,
} as const;
export type CharTest = number;

export const Special = { None: 0, Tags: 1, Hyphen: 2, VerVersion: 3, FURL: 4 } as const;
export type Special = (typeof Special)[keyof typeof Special];

/** [test (null = otherwise), flags, next state (null = stay), token type (0 = none), special handler] */
export type Action = readonly [CharTest | null, number, string | null, TokenType | 0, Special?];

const eq = (c: string): CharTest => CharTest.EQ + c.charCodeAt(0);
const isEOF = CharTest.EOF;
const isAlpha = CharTest.Alpha;
const isAlnum = CharTest.Alnum;
const isNotAlnum = CharTest.NotAlnum;
const isDigit = CharTest.Digit;
const isSpace = CharTest.Space;
const isXdigit = CharTest.Xdigit;
const isAsclet = CharTest.Asclet;
const isSpecial = CharTest.Special;
const isUrlChar = CharTest.UrlChar;
const isIgnore = CharTest.Ignore;
const isStopHost = CharTest.StopHost;
const isHost = CharTest.Host;
const isURLPath = CharTest.UrlPath;
const specialTags = Special.Tags;
const specialHyphen = Special.Hyphen;
const specialVerVersion = Special.VerVersion;
const specialFURL = Special.FURL;

const T = TokenType;

export const STATES = {
  Base: [
    [isEOF, NEXT, null, 0],
    [eq('<'), PUSH, 'InTagFirst', 0],
    [isIgnore, NEXT, 'InSpace', 0],
    [isAsclet, NEXT, 'InAsciiWord', 0],
    [isAlpha, NEXT, 'InWord', 0],
    [isDigit, NEXT, 'InUnsignedInt', 0],
    [eq('-'), PUSH, 'InSignedIntFirst', 0],
    [eq('+'), PUSH, 'InSignedIntFirst', 0],
    [eq('&'), PUSH, 'InXMLEntityFirst', 0],
    [eq('~'), PUSH, 'InFileTwiddle', 0],
    [eq('/'), PUSH, 'InFileFirst', 0],
    [eq('.'), PUSH, 'InPathFirstFirst', 0],
    [null, NEXT, 'InSpace', 0],
  ],
  InNumWord: [
    [isEOF, BINGO, 'Base', T.NumWord],
    [isAlnum, NEXT, 'InNumWord', 0],
    [isSpecial, NEXT, 'InNumWord', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [eq('/'), PUSH, 'InFileFirst', 0],
    [eq('.'), PUSH, 'InFileNext', 0],
    [eq('-'), PUSH, 'InHyphenNumWordFirst', 0],
    [null, BINGO, 'Base', T.NumWord],
  ],
  InAsciiWord: [
    [isEOF, BINGO, 'Base', T.AsciiWord],
    [isAsclet, NEXT, null, 0],
    [eq('.'), PUSH, 'InHostFirstDomain', 0],
    [eq('.'), PUSH, 'InFileNext', 0],
    [eq('-'), PUSH, 'InHostFirstAN', 0],
    [eq('-'), PUSH, 'InHyphenAsciiWordFirst', 0],
    [eq('_'), PUSH, 'InHostFirstAN', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [eq(':'), PUSH, 'InProtocolFirst', 0],
    [eq('/'), PUSH, 'InFileFirst', 0],
    [isDigit, PUSH, 'InHost', 0],
    [isDigit, NEXT, 'InNumWord', 0],
    [isAlpha, NEXT, 'InWord', 0],
    [isSpecial, NEXT, 'InWord', 0],
    [null, BINGO, 'Base', T.AsciiWord],
  ],
  InWord: [
    [isEOF, BINGO, 'Base', T.Word],
    [isAlpha, NEXT, null, 0],
    [isSpecial, NEXT, null, 0],
    [isDigit, NEXT, 'InNumWord', 0],
    [eq('-'), PUSH, 'InHyphenWordFirst', 0],
    [null, BINGO, 'Base', T.Word],
  ],
  InUnsignedInt: [
    [isEOF, BINGO, 'Base', T.UnsignedInt],
    [isDigit, NEXT, null, 0],
    [eq('.'), PUSH, 'InHostFirstDomain', 0],
    [eq('.'), PUSH, 'InUDecimalFirst', 0],
    [eq('e'), PUSH, 'InMantissaFirst', 0],
    [eq('E'), PUSH, 'InMantissaFirst', 0],
    [eq('-'), PUSH, 'InHostFirstAN', 0],
    [eq('_'), PUSH, 'InHostFirstAN', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [isAsclet, PUSH, 'InHost', 0],
    [isAlpha, NEXT, 'InNumWord', 0],
    [isSpecial, NEXT, 'InNumWord', 0],
    [eq('/'), PUSH, 'InFileFirst', 0],
    [null, BINGO, 'Base', T.UnsignedInt],
  ],
  InSignedIntFirst: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT | CLEAR, 'InSignedInt', 0],
    [null, POP, null, 0],
  ],
  InSignedInt: [
    [isEOF, BINGO, 'Base', T.SignedInt],
    [isDigit, NEXT, null, 0],
    [eq('.'), PUSH, 'InDecimalFirst', 0],
    [eq('e'), PUSH, 'InMantissaFirst', 0],
    [eq('E'), PUSH, 'InMantissaFirst', 0],
    [null, BINGO, 'Base', T.SignedInt],
  ],
  InSpace: [
    [isEOF, BINGO, 'Base', T.Space],
    [eq('<'), BINGO, 'Base', T.Space],
    [isIgnore, NEXT, null, 0],
    [eq('-'), BINGO, 'Base', T.Space],
    [eq('+'), BINGO, 'Base', T.Space],
    [eq('&'), BINGO, 'Base', T.Space],
    [eq('/'), BINGO, 'Base', T.Space],
    [isNotAlnum, NEXT, 'InSpace', 0],
    [null, BINGO, 'Base', T.Space],
  ],
  InUDecimalFirst: [
    [isEOF, POP, null, 0],
    [isDigit, CLEAR, 'InUDecimal', 0],
    [null, POP, null, 0],
  ],
  InUDecimal: [
    [isEOF, BINGO, 'Base', T.Decimal],
    [isDigit, NEXT, 'InUDecimal', 0],
    [eq('.'), PUSH, 'InVersionFirst', 0],
    [eq('e'), PUSH, 'InMantissaFirst', 0],
    [eq('E'), PUSH, 'InMantissaFirst', 0],
    [null, BINGO, 'Base', T.Decimal],
  ],
  InDecimalFirst: [
    [isEOF, POP, null, 0],
    [isDigit, CLEAR, 'InDecimal', 0],
    [null, POP, null, 0],
  ],
  InDecimal: [
    [isEOF, BINGO, 'Base', T.Decimal],
    [isDigit, NEXT, 'InDecimal', 0],
    [eq('.'), PUSH, 'InVerVersion', 0],
    [eq('e'), PUSH, 'InMantissaFirst', 0],
    [eq('E'), PUSH, 'InMantissaFirst', 0],
    [null, BINGO, 'Base', T.Decimal],
  ],
  InVerVersion: [
    [isEOF, POP, null, 0],
    [isDigit, RERUN, 'InSVerVersion', 0, specialVerVersion],
    [null, POP, null, 0],
  ],
  InSVerVersion: [
    [isEOF, POP, null, 0],
    [isDigit, BINGO | CLRALL, 'InUnsignedInt', T.Space],
    [null, NEXT, null, 0],
  ],
  InVersionFirst: [
    [isEOF, POP, null, 0],
    [isDigit, CLEAR, 'InVersion', 0],
    [null, POP, null, 0],
  ],
  InVersion: [
    [isEOF, BINGO, 'Base', T.Version],
    [isDigit, NEXT, 'InVersion', 0],
    [eq('.'), PUSH, 'InVersionFirst', 0],
    [null, BINGO, 'Base', T.Version],
  ],
  InMantissaFirst: [
    [isEOF, POP, null, 0],
    [isDigit, CLEAR, 'InMantissa', 0],
    [eq('+'), NEXT, 'InMantissaSign', 0],
    [eq('-'), NEXT, 'InMantissaSign', 0],
    [null, POP, null, 0],
  ],
  InMantissaSign: [
    [isEOF, POP, null, 0],
    [isDigit, CLEAR, 'InMantissa', 0],
    [null, POP, null, 0],
  ],
  InMantissa: [
    [isEOF, BINGO, 'Base', T.Scientific],
    [isDigit, NEXT, 'InMantissa', 0],
    [null, BINGO, 'Base', T.Scientific],
  ],
  InXMLEntityFirst: [
    [isEOF, POP, null, 0],
    [eq('#'), NEXT, 'InXMLEntityNumFirst', 0],
    [isAsclet, NEXT, 'InXMLEntity', 0],
    [eq(':'), NEXT, 'InXMLEntity', 0],
    [eq('_'), NEXT, 'InXMLEntity', 0],
    [null, POP, null, 0],
  ],
  InXMLEntity: [
    [isEOF, POP, null, 0],
    [isAlnum, NEXT, 'InXMLEntity', 0],
    [eq(':'), NEXT, 'InXMLEntity', 0],
    [eq('_'), NEXT, 'InXMLEntity', 0],
    [eq('.'), NEXT, 'InXMLEntity', 0],
    [eq('-'), NEXT, 'InXMLEntity', 0],
    [eq(';'), NEXT, 'InXMLEntityEnd', 0],
    [null, POP, null, 0],
  ],
  InXMLEntityNumFirst: [
    [isEOF, POP, null, 0],
    [eq('x'), NEXT, 'InXMLEntityHexNumFirst', 0],
    [eq('X'), NEXT, 'InXMLEntityHexNumFirst', 0],
    [isDigit, NEXT, 'InXMLEntityNum', 0],
    [null, POP, null, 0],
  ],
  InXMLEntityHexNumFirst: [
    [isEOF, POP, null, 0],
    [isXdigit, NEXT, 'InXMLEntityHexNum', 0],
    [null, POP, null, 0],
  ],
  InXMLEntityNum: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, 'InXMLEntityNum', 0],
    [eq(';'), NEXT, 'InXMLEntityEnd', 0],
    [null, POP, null, 0],
  ],
  InXMLEntityHexNum: [
    [isEOF, POP, null, 0],
    [isXdigit, NEXT, 'InXMLEntityHexNum', 0],
    [eq(';'), NEXT, 'InXMLEntityEnd', 0],
    [null, POP, null, 0],
  ],
  InXMLEntityEnd: [[null, BINGO | CLEAR, 'Base', T.XmlEntity]],
  InTagFirst: [
    [isEOF, POP, null, 0],
    [eq('/'), PUSH, 'InTagCloseFirst', 0],
    [eq('!'), PUSH, 'InCommentFirst', 0],
    [eq('?'), PUSH, 'InXMLBegin', 0],
    [isAsclet, PUSH, 'InTagName', 0],
    [eq(':'), PUSH, 'InTagName', 0],
    [eq('_'), PUSH, 'InTagName', 0],
    [null, POP, null, 0],
  ],
  InXMLBegin: [
    [isEOF, POP, null, 0],
    [eq('x'), NEXT, 'InTag', 0],
    [null, POP, null, 0],
  ],
  InTagCloseFirst: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InTagName', 0],
    [null, POP, null, 0],
  ],
  InTagName: [
    [isEOF, POP, null, 0],
    [eq('/'), NEXT, 'InTagBeginEnd', 0],
    [eq('>'), NEXT, 'InTagEnd', 0, specialTags],
    [isSpace, NEXT, 'InTag', 0, specialTags],
    [isAlnum, NEXT, null, 0],
    [eq(':'), NEXT, null, 0],
    [eq('_'), NEXT, null, 0],
    [eq('.'), NEXT, null, 0],
    [eq('-'), NEXT, null, 0],
    [null, POP, null, 0],
  ],
  InTagBeginEnd: [
    [isEOF, POP, null, 0],
    [eq('>'), NEXT, 'InTagEnd', 0],
    [null, POP, null, 0],
  ],
  InTag: [
    [isEOF, POP, null, 0],
    [eq('>'), NEXT, 'InTagEnd', 0, specialTags],
    [eq("'"), NEXT, 'InTagEscapeK', 0],
    [eq('"'), NEXT, 'InTagEscapeKK', 0],
    [isAsclet, NEXT, null, 0],
    [isDigit, NEXT, null, 0],
    [eq('='), NEXT, null, 0],
    [eq('-'), NEXT, null, 0],
    [eq('_'), NEXT, null, 0],
    [eq('#'), NEXT, null, 0],
    [eq('/'), NEXT, null, 0],
    [eq(':'), NEXT, null, 0],
    [eq('.'), NEXT, null, 0],
    [eq('&'), NEXT, null, 0],
    [eq('?'), NEXT, null, 0],
    [eq('%'), NEXT, null, 0],
    [eq('~'), NEXT, null, 0],
    [isSpace, NEXT, null, 0, specialTags],
    [null, POP, null, 0],
  ],
  InTagEscapeK: [
    [isEOF, POP, null, 0],
    [eq('\\'), PUSH, 'InTagBackSleshed', 0],
    [eq("'"), NEXT, 'InTag', 0],
    [null, NEXT, 'InTagEscapeK', 0],
  ],
  InTagEscapeKK: [
    [isEOF, POP, null, 0],
    [eq('\\'), PUSH, 'InTagBackSleshed', 0],
    [eq('"'), NEXT, 'InTag', 0],
    [null, NEXT, 'InTagEscapeKK', 0],
  ],
  InTagBackSleshed: [
    [isEOF, POP, null, 0],
    [null, MERGE, null, 0],
  ],
  InTagEnd: [[null, BINGO | CLRALL, 'Base', T.Tag]],
  InCommentFirst: [
    [isEOF, POP, null, 0],
    [eq('-'), NEXT, 'InCommentLast', 0],
    [eq('D'), NEXT, 'InTag', 0],
    [eq('d'), NEXT, 'InTag', 0],
    [null, POP, null, 0],
  ],
  InCommentLast: [
    [isEOF, POP, null, 0],
    [eq('-'), NEXT, 'InComment', 0],
    [null, POP, null, 0],
  ],
  InComment: [
    [isEOF, POP, null, 0],
    [eq('-'), NEXT, 'InCloseCommentFirst', 0],
    [null, NEXT, null, 0],
  ],
  InCloseCommentFirst: [
    [isEOF, POP, null, 0],
    [eq('-'), NEXT, 'InCloseCommentLast', 0],
    [null, NEXT, 'InComment', 0],
  ],
  InCloseCommentLast: [
    [isEOF, POP, null, 0],
    [eq('-'), NEXT, null, 0],
    [eq('>'), NEXT, 'InCommentEnd', 0],
    [null, NEXT, 'InComment', 0],
  ],
  InCommentEnd: [[null, BINGO | CLRALL, 'Base', T.Tag]],
  InHostFirstDomain: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InHostDomainSecond', 0],
    [isDigit, NEXT, 'InHost', 0],
    [null, POP, null, 0],
  ],
  InHostDomainSecond: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InHostDomain', 0],
    [isDigit, PUSH, 'InHost', 0],
    [eq('-'), PUSH, 'InHostFirstAN', 0],
    [eq('_'), PUSH, 'InHostFirstAN', 0],
    [eq('.'), PUSH, 'InHostFirstDomain', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [null, POP, null, 0],
  ],
  InHostDomain: [
    [isEOF, BINGO | CLRALL, 'Base', T.Host],
    [isAsclet, NEXT, 'InHostDomain', 0],
    [isDigit, PUSH, 'InHost', 0],
    [eq(':'), PUSH, 'InPortFirst', 0],
    [eq('-'), PUSH, 'InHostFirstAN', 0],
    [eq('_'), PUSH, 'InHostFirstAN', 0],
    [eq('.'), PUSH, 'InHostFirstDomain', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [isDigit, POP, null, 0],
    [isStopHost, BINGO | CLRALL, 'InURLPathStart', T.Host],
    [eq('/'), PUSH, 'InFURL', 0],
    [null, BINGO | CLRALL, 'Base', T.Host],
  ],
  InPortFirst: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, 'InPort', 0],
    [null, POP, null, 0],
  ],
  InPort: [
    [isEOF, BINGO | CLRALL, 'Base', T.Host],
    [isDigit, NEXT, 'InPort', 0],
    [isStopHost, BINGO | CLRALL, 'InURLPathStart', T.Host],
    [eq('/'), PUSH, 'InFURL', 0],
    [null, BINGO | CLRALL, 'Base', T.Host],
  ],
  InHostFirstAN: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, 'InHost', 0],
    [isAsclet, NEXT, 'InHost', 0],
    [null, POP, null, 0],
  ],
  InHost: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, 'InHost', 0],
    [isAsclet, NEXT, 'InHost', 0],
    [eq('@'), PUSH, 'InEmail', 0],
    [eq('.'), PUSH, 'InHostFirstDomain', 0],
    [eq('-'), PUSH, 'InHostFirstAN', 0],
    [eq('_'), PUSH, 'InHostFirstAN', 0],
    [null, POP, null, 0],
  ],
  InEmail: [
    [isStopHost, POP, null, 0],
    [isHost, BINGO | CLRALL, 'Base', T.Email],
    [null, POP, null, 0],
  ],
  InFileFirst: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InFile', 0],
    [isDigit, NEXT, 'InFile', 0],
    [eq('.'), NEXT, 'InPathFirst', 0],
    [eq('_'), NEXT, 'InFile', 0],
    [eq('~'), PUSH, 'InFileTwiddle', 0],
    [null, POP, null, 0],
  ],
  InFileTwiddle: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InFile', 0],
    [isDigit, NEXT, 'InFile', 0],
    [eq('_'), NEXT, 'InFile', 0],
    [eq('/'), NEXT, 'InFileFirst', 0],
    [null, POP, null, 0],
  ],
  InPathFirst: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InFile', 0],
    [isDigit, NEXT, 'InFile', 0],
    [eq('_'), NEXT, 'InFile', 0],
    [eq('.'), NEXT, 'InPathSecond', 0],
    [eq('/'), NEXT, 'InFileFirst', 0],
    [null, POP, null, 0],
  ],
  InPathFirstFirst: [
    [isEOF, POP, null, 0],
    [eq('.'), NEXT, 'InPathSecond', 0],
    [eq('/'), NEXT, 'InFileFirst', 0],
    [null, POP, null, 0],
  ],
  InPathSecond: [
    [isEOF, BINGO | CLEAR, 'Base', T.File],
    [eq('/'), NEXT | PUSH, 'InFileFirst', 0],
    [eq('/'), BINGO | CLEAR, 'Base', T.File],
    [isSpace, BINGO | CLEAR, 'Base', T.File],
    [null, POP, null, 0],
  ],
  InFile: [
    [isEOF, BINGO, 'Base', T.File],
    [isAsclet, NEXT, 'InFile', 0],
    [isDigit, NEXT, 'InFile', 0],
    [eq('.'), PUSH, 'InFileNext', 0],
    [eq('_'), NEXT, 'InFile', 0],
    [eq('-'), NEXT, 'InFile', 0],
    [eq('/'), PUSH, 'InFileFirst', 0],
    [null, BINGO, 'Base', T.File],
  ],
  InFileNext: [
    [isEOF, POP, null, 0],
    [isAsclet, CLEAR, 'InFile', 0],
    [isDigit, CLEAR, 'InFile', 0],
    [eq('_'), CLEAR, 'InFile', 0],
    [null, POP, null, 0],
  ],
  InURLPathFirst: [
    [isEOF, POP, null, 0],
    [isUrlChar, NEXT, 'InURLPath', 0],
    [null, POP, null, 0],
  ],
  InURLPathStart: [[null, NEXT, 'InURLPath', 0]],
  InURLPath: [
    [isEOF, BINGO, 'Base', T.UrlPath],
    [isUrlChar, NEXT, 'InURLPath', 0],
    [null, BINGO, 'Base', T.UrlPath],
  ],
  InFURL: [
    [isEOF, POP, null, 0],
    [isURLPath, BINGO | CLRALL, 'Base', T.Url, specialFURL],
    [null, POP, null, 0],
  ],
  InProtocolFirst: [
    [isEOF, POP, null, 0],
    [eq('/'), NEXT, 'InProtocolSecond', 0],
    [null, POP, null, 0],
  ],
  InProtocolSecond: [
    [isEOF, POP, null, 0],
    [eq('/'), NEXT, 'InProtocolEnd', 0],
    [null, POP, null, 0],
  ],
  InProtocolEnd: [[null, BINGO | CLRALL, 'Base', T.Protocol]],
  InHyphenAsciiWordFirst: [
    [isEOF, POP, null, 0],
    [isAsclet, NEXT, 'InHyphenAsciiWord', 0],
    [isAlpha, NEXT, 'InHyphenWord', 0],
    [isDigit, NEXT, 'InHyphenDigitLookahead', 0],
    [null, POP, null, 0],
  ],
  InHyphenAsciiWord: [
    [isEOF, BINGO | CLRALL, 'InParseHyphen', T.AsciiHWord, specialHyphen],
    [isAsclet, NEXT, 'InHyphenAsciiWord', 0],
    [isAlpha, NEXT, 'InHyphenWord', 0],
    [isSpecial, NEXT, 'InHyphenWord', 0],
    [isDigit, NEXT, 'InHyphenNumWord', 0],
    [eq('-'), PUSH, 'InHyphenAsciiWordFirst', 0],
    [null, BINGO | CLRALL, 'InParseHyphen', T.AsciiHWord, specialHyphen],
  ],
  InHyphenWordFirst: [
    [isEOF, POP, null, 0],
    [isAlpha, NEXT, 'InHyphenWord', 0],
    [isDigit, NEXT, 'InHyphenDigitLookahead', 0],
    [null, POP, null, 0],
  ],
  InHyphenWord: [
    [isEOF, BINGO | CLRALL, 'InParseHyphen', T.HWord, specialHyphen],
    [isAlpha, NEXT, 'InHyphenWord', 0],
    [isSpecial, NEXT, 'InHyphenWord', 0],
    [isDigit, NEXT, 'InHyphenNumWord', 0],
    [eq('-'), PUSH, 'InHyphenWordFirst', 0],
    [null, BINGO | CLRALL, 'InParseHyphen', T.HWord, specialHyphen],
  ],
  InHyphenNumWordFirst: [
    [isEOF, POP, null, 0],
    [isAlpha, NEXT, 'InHyphenNumWord', 0],
    [isDigit, NEXT, 'InHyphenDigitLookahead', 0],
    [null, POP, null, 0],
  ],
  InHyphenNumWord: [
    [isEOF, BINGO | CLRALL, 'InParseHyphen', T.NumHWord, specialHyphen],
    [isAlnum, NEXT, 'InHyphenNumWord', 0],
    [isSpecial, NEXT, 'InHyphenNumWord', 0],
    [eq('-'), PUSH, 'InHyphenNumWordFirst', 0],
    [null, BINGO | CLRALL, 'InParseHyphen', T.NumHWord, specialHyphen],
  ],
  InHyphenDigitLookahead: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, 'InHyphenDigitLookahead', 0],
    [isAlpha, NEXT, 'InHyphenNumWord', 0],
    [isSpecial, NEXT, 'InHyphenNumWord', 0],
    [null, POP, null, 0],
  ],
  InParseHyphen: [
    [isEOF, RERUN, 'Base', 0],
    [isAsclet, NEXT, 'InHyphenAsciiWordPart', 0],
    [isAlpha, NEXT, 'InHyphenWordPart', 0],
    [isDigit, PUSH, 'InHyphenUnsignedInt', 0],
    [eq('-'), PUSH, 'InParseHyphenHyphen', 0],
    [null, RERUN, 'Base', 0],
  ],
  InParseHyphenHyphen: [
    [isEOF, POP, null, 0],
    [isAlnum, BINGO | CLEAR, 'InParseHyphen', T.Space],
    [isSpecial, BINGO | CLEAR, 'InParseHyphen', T.Space],
    [null, POP, null, 0],
  ],
  InHyphenWordPart: [
    [isEOF, BINGO, 'Base', T.PartHWord],
    [isAlpha, NEXT, 'InHyphenWordPart', 0],
    [isSpecial, NEXT, 'InHyphenWordPart', 0],
    [isDigit, NEXT, 'InHyphenNumWordPart', 0],
    [null, BINGO, 'InParseHyphen', T.PartHWord],
  ],
  InHyphenAsciiWordPart: [
    [isEOF, BINGO, 'Base', T.AsciiPartHWord],
    [isAsclet, NEXT, 'InHyphenAsciiWordPart', 0],
    [isAlpha, NEXT, 'InHyphenWordPart', 0],
    [isSpecial, NEXT, 'InHyphenWordPart', 0],
    [isDigit, NEXT, 'InHyphenNumWordPart', 0],
    [null, BINGO, 'InParseHyphen', T.AsciiPartHWord],
  ],
  InHyphenNumWordPart: [
    [isEOF, BINGO, 'Base', T.NumPartHWord],
    [isAlnum, NEXT, 'InHyphenNumWordPart', 0],
    [isSpecial, NEXT, 'InHyphenNumWordPart', 0],
    [null, BINGO, 'InParseHyphen', T.NumPartHWord],
  ],
  InHyphenUnsignedInt: [
    [isEOF, POP, null, 0],
    [isDigit, NEXT, null, 0],
    [isAlpha, CLEAR, 'InHyphenNumWordPart', 0],
    [isSpecial, CLEAR, 'InHyphenNumWordPart', 0],
    [null, POP, null, 0],
  ],
} satisfies Record<string, readonly Action[]>;

export type StateName = keyof typeof STATES;
