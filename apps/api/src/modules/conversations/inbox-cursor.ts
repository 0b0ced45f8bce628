import type { InboxCursor, InboxSort } from '@parley/db';
import { DomainError } from '@parley/domain';

const SORTS: readonly InboxSort[] = ['score', 'recent'];

/**
 * The cursor names its sort, so one from another view is refused rather than read as the wrong kind of value. It
 * does not carry the filters: a page starts after a position in the order, and under other filters it still does.
 */
export const encodeCursor = (cursor: InboxCursor): string =>
  Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString('base64url');

const isValue = (sort: InboxSort, value: unknown): value is InboxCursor['value'] =>
  sort === 'score'
    ? typeof value === 'number'
    : value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));

export const decodeCursor = (text: string, sort: InboxSort): InboxCursor => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [cursorSort, value, id] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (SORTS.includes(cursorSort as InboxSort) && cursorSort !== sort) {
    throw new DomainError(
      'invalid',
      `The cursor is for the inbox sorted by ${String(cursorSort)}, not by ${sort}; start again without it.`,
    );
  }
  if (cursorSort === sort && isValue(sort, value) && typeof id === 'string' && /^\d{1,18}$/.test(id))
    return { sort, value, id };
  throw new DomainError('invalid', 'The cursor is not one this API gave out; start again without it.');
};
