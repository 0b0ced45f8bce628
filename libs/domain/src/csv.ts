/**
 * CSV that a spreadsheet opens safely. Every cell is quoted (RFC 4180), and a cell that a spreadsheet would read as
 * a formula (starting with = + - @, or a tab or carriage return that hides one) is prefixed with an apostrophe, so
 * an exported audit log or thread cannot run anything on the reader's machine (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined | Date;

export const csvCell = (value: CsvValue): string => {
  if (value === null || value === undefined) return '""';
  const text = value instanceof Date ? value.toISOString() : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** One line of CSV, ending in CRLF as RFC 4180 writes it. */
export const csvRow = (values: readonly CsvValue[]): string => `${values.map(csvCell).join(',')}\r\n`;

/** A whole table: a header row, then one row per record, cells in the header's order. */
export const csvTable = <T>(
  columns: readonly { header: string; value: (row: T) => CsvValue }[],
  rows: readonly T[],
) =>
  csvRow(columns.map((c) => c.header)) + rows.map((row) => csvRow(columns.map((c) => c.value(row)))).join('');

/** One record read from CSV, with the line it starts on (1-based), so an error can name it. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads CSV as RFC 4180 writes it: cells separated by commas, quoted cells may hold commas, line breaks and
 * doubled quotes, records end in CRLF or LF. A quote that is never closed is an error naming its line.
 */
export const parseCsv = (text: string): CsvRecord[] => {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedOn = 0;
  let any = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    any = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      quoteOpenedOn = line;
      any = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      any = true;
    }
  }
  if (quoted) throw new Error(`line ${quoteOpenedOn}: a quoted cell is never closed`);
  if (any || cell !== '') endRecord();
  return records;
};
