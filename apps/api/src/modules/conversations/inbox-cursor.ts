import type { InboxCursor } from '@parley/db';
import { DomainError } from '@parley/domain';

export const encodeCursor = (cursor: InboxCursor): string =>
  Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');

export const decodeCursor = (text: string): InboxCursor => {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as [unknown, unknown];
    if (
      (typeof value === 'number' || typeof value === 'string') &&
      typeof id === 'string' &&
      /^\d+$/.test(id)
    )
      return { value, id };
  } catch {
    // fall through to the error a person can act on
  }
  throw new DomainError('invalid', 'The cursor is not one this API gave out; start again without it.');
};
