import { describe, expect, it } from 'vitest';
import { decodePostsCursor, encodePostsCursor } from './posts-cursor';

describe('posts cursor', () => {
  it('round-trips a position', () => {
    const cursor = { publishedAt: new Date('2026-11-03T10:15:00.000Z'), postId: '42' };
    expect(decodePostsCursor(encodePostsCursor(cursor))).toEqual(cursor);
  });

  it.each(['not base64 json', Buffer.from('["2026-11-03", "x1"]').toString('base64url')])(
    'refuses %s as one it never gave out',
    (text) => expect(() => decodePostsCursor(text)).toThrow('The cursor is not one this API gave out'),
  );
});
