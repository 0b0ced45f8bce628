import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './inbox-cursor';

const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('inbox cursor', () => {
  it.each([
    { sort: 'score' as const, value: 87, id: '12' },
    { sort: 'recent' as const, value: '2026-11-30T12:00:00.123456Z', id: '7' },
    // A conversation with no known activity sorts last by recent activity; paging goes on among those.
    { sort: 'recent' as const, value: null, id: '3' },
  ])('round-trips %o', (cursor) => expect(decodeCursor(encodeCursor(cursor), cursor.sort)).toEqual(cursor));

  it('refuses a cursor from the other sort, saying which', () => {
    const cursor = encodeCursor({ sort: 'score', value: 87, id: '12' });
    expect(() => decodeCursor(cursor, 'recent')).toThrow('sorted by score, not by recent');
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor', 'score'],
    ['the old two-part form', raw([87, '12']), 'score'],
    ['a score that is not a number', raw(['score', '87', '12']), 'score'],
    ['a time that is not a time', raw(['recent', 'yesterday', '12']), 'recent'],
    ['a null score', raw(['score', null, '12']), 'score'],
    ['an id that is not a number', raw(['score', 87, '12; DROP TABLE post']), 'score'],
    ['an id too long for a bigint', raw(['score', 87, '1'.repeat(19)]), 'score'],
  ] as const)('refuses %s', (_, text, sort) =>
    expect(() => decodeCursor(text, sort)).toThrow('The cursor is not one this API gave out'),
  );
});
