import { describe, expect, it } from 'vitest';
import { pgTokens } from './pg-parser';
import { STATES, TokenType } from './pg-parser-states';
import { concatTitleAndText, tsvectorOf } from './text-search';

const NAMES = Object.fromEntries(Object.entries(TokenType).map(([name, type]) => [type, name]));

/** Non-blank tokens as "type:text", to compare with `ts_debug('english', text)` output. */
const tokens = (text: string): string[] =>
  pgTokens(text)
    .filter((t) => t.type !== TokenType.Space)
    .map((t) => `${NAMES[t.type]}:${t.text}`);

describe('pgTokens (the port of Postgres 15 default parser, checked against ts_debug)', () => {
  it.each<[string, string[]]>([
    ['covid-19 2020-2021', ['AsciiWord:covid', 'SignedInt:-19', 'UnsignedInt:2020', 'SignedInt:-2021']],
    ['self-employed', ['AsciiHWord:self-employed', 'AsciiPartHWord:self', 'AsciiPartHWord:employed']],
    ['e.g. end.Next gov.uk', ['File:e.g', 'Host:end.Next', 'Host:gov.uk']],
    ['3.5 1.2.3 1e5 v2.0', ['Decimal:3.5', 'Version:1.2.3', 'Scientific:1e5', 'File:v2.0']],
    ['hi@x.com', ['Email:hi@x.com']],
    ['https://www.gov.uk/x', ['Protocol:https://', 'Url:www.gov.uk/x', 'Host:www.gov.uk', 'UrlPath:/x']],
    ['<b>bold</b> &amp;', ['Tag:<b>', 'AsciiWord:bold', 'Tag:</b>', 'XmlEntity:&amp;']],
    ["student's", ['AsciiWord:student', 'AsciiWord:s']],
    ['café-bar naïve', ['HWord:café-bar', 'PartHWord:café', 'AsciiPartHWord:bar', 'Word:naïve']],
    ['covid19s 19th', ['NumWord:covid19s', 'NumWord:19th']],
    ['#tag1 @bob dfe_gov', ['NumWord:tag1', 'AsciiWord:bob', 'AsciiWord:dfe', 'AsciiWord:gov']],
    ['a\u0301b a\u200bb', ['Word:a\u0301b', 'AsciiWord:a', 'AsciiWord:b']],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('only moves to states that exist', () => {
    const targets = Object.values(STATES).flatMap((actions) => actions.map((a) => a[2]));
    expect(targets.filter((t) => t !== null && !(t in STATES))).toEqual([]);
  });
});

describe('tsvectorOf and concatTitleAndText (checked against to_tsvector)', () => {
  it('counts stop words as positions and drops them', () => {
    expect(Object.fromEntries(tsvectorOf('the student loan'))).toEqual({ student: [2], loan: [3] });
  });

  it('keeps at most 255 positions of a lexeme', () => {
    const positions = tsvectorOf('loan '.repeat(300)).get('loan') ?? [];
    expect([positions.length, positions.at(-1)]).toEqual([255, 255]);
  });

  it('caps positions at 16383 without repeating the cap', () => {
    const vector = tsvectorOf(`${'the '.repeat(16380)}loan debt loan debt x`);
    expect(Object.fromEntries(vector)).toEqual({ loan: [16381, 16383], debt: [16382, 16383], x: [16383] });
  });

  it("shifts the text past the title's last indexed word", () => {
    const merged = concatTitleAndText(tsvectorOf('student of the'), tsvectorOf('loan the'));
    expect(Object.fromEntries(merged)).toEqual({
      student: { all: [1], title: [1] },
      loan: { all: [2], title: [] },
    });
  });

  it('caps shifted text positions once, keeping the title positions apart', () => {
    const merged = concatTitleAndText(
      tsvectorOf('student loan'),
      tsvectorOf(`${'the '.repeat(16378)}loan debt loan debt x`),
    );
    // setweight(…'student loan', 'A') || setweight(…, 'B') in Postgres 15
    expect(Object.fromEntries(merged)).toEqual({
      student: { all: [1], title: [1] },
      loan: { all: [2, 16381, 16383], title: [2] },
      debt: { all: [16382, 16383], title: [] },
      x: { all: [16383], title: [] },
    });
  });

  it('leaves words over 1000 bytes unstemmed and skips those of 2047 bytes or more', () => {
    expect([...tsvectorOf(`${'a'.repeat(998)}ing`).keys()]).toEqual([`${'a'.repeat(998)}ing`]);
    expect(Object.fromEntries(tsvectorOf(`${'abc'.repeat(700)}ing loan`))).toEqual({ loan: [1] });
  });
});
