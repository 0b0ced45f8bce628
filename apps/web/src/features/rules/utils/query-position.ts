/**
 * The query checker names where it stopped ("… at position 12: …", counting characters from 0). Returns that
 * number, or null when the message names no position.
 */
export const positionInMessage = (message: string): number | null => {
  const match = /\bposition (\d+)\b/i.exec(message);
  if (!match) return null;
  const position = Number(match[1]);
  return Number.isSafeInteger(position) ? position : null;
};

/**
 * One line of the query and the column of the problem in it, ready to print above a caret (`^`).
 * `before`/`after` say whether the line was shortened on either side to keep it to about `width` characters.
 */
export type CaretSnippet = {
  line: string;
  column: number;
  lineNumber: number;
  before: boolean;
  after: boolean;
};

const chars = (text: string): string[] => Array.from(text);

export const caretSnippet = (query: string, position: number, width = 60): CaretSnippet => {
  const at = Math.min(Math.max(0, position), query.length);
  const lineStart = query.lastIndexOf('\n', at - 1) + 1;
  const nextBreak = query.indexOf('\n', at);
  const lineEnd = nextBreak === -1 ? query.length : nextBreak;
  // Columns count characters, not UTF-16 units, so an emoji before the problem does not shift the caret.
  const line = chars(query.slice(lineStart, lineEnd).replace(/\t/g, ' '));
  const column = chars(query.slice(lineStart, at)).length;
  const lineNumber = query.slice(0, lineStart).split('\n').length;

  const start = Math.max(0, Math.min(column - Math.floor(width / 2), line.length - width));
  const end = Math.min(line.length, start + width);
  return {
    line: line.slice(start, end).join(''),
    column: column - start,
    lineNumber,
    before: start > 0,
    after: end < line.length,
  };
};
