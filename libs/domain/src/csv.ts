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
