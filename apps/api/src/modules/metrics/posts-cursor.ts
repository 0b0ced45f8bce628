import type { MentionPostCursor } from '@parley/db';
import { DomainError } from '@parley/domain';

/** A drill-down page starts after the last post of the one before: its time and id, newest first. */
export const encodePostsCursor = (cursor: MentionPostCursor): string =>
  Buffer.from(JSON.stringify([cursor.publishedAt.toISOString(), cursor.postId])).toString('base64url');

export const decodePostsCursor = (text: string): MentionPostCursor => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const [at, id] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (
    typeof at === 'string' &&
    !Number.isNaN(Date.parse(at)) &&
    typeof id === 'string' &&
    /^\d{1,18}$/.test(id)
  )
    return { publishedAt: new Date(at), postId: id };
  throw new DomainError('invalid', 'The cursor is not one this API gave out; start again without it.');
};
