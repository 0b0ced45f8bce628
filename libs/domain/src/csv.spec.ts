import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, csvTable } from './csv';

describe('csv cells', () => {
  it.each([
    ['plain words', '"plain words"'],
    ['she said "hi"', '"she said ""hi"""'],
    ['a, b', '"a, b"'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+44 20 7946 0000', `"'+44 20 7946 0000"`],
    ['-1+2', `"'-1+2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a=b', '"a=b"'],
    ['', '""'],
  ])('%j → %s', (value, expected) => expect(csvCell(value)).toBe(expected));

  it('writes empty cells for null and undefined, numbers and dates as text', () => {
    expect(csvRow([null, undefined, 3, -2, new Date('2026-12-01T12:00:00Z'), true])).toBe(
      `"","","3","'-2","2026-12-01T12:00:00.000Z","true"\r\n`,
    );
  });

  it('writes a header and a row per record', () => {
    const columns = [
      { header: 'Name', value: (r: { n: string }) => r.n },
      { header: 'Length', value: (r: { n: string }) => r.n.length },
    ];
    expect(csvTable(columns, [{ n: 'ab' }, { n: 'c' }])).toBe('"Name","Length"\r\n"ab","2"\r\n"c","1"\r\n');
  });
});
