import { describe, expect, it } from 'vitest';
import { inboxSearch, isExplicit, parseInboxParams } from './inbox-params';

const departments = ['dft', 'dfe'];

describe('parseInboxParams', () => {
  it.each([
    ['', { department: 'dft', sort: 'score' }],
    ['department=dfe', { department: 'dfe', sort: 'score' }],
    ['department=dfe&sort=recent', { department: 'dfe', sort: 'recent' }],
    // A department the person cannot see, or a made-up sort, falls back rather than failing.
    ['department=hmrc&sort=recent', { department: 'dft', sort: 'recent' }],
    ['sort=loudest', { department: 'dft', sort: 'score' }],
  ])('?%s', (query, expected) =>
    expect(parseInboxParams(new URLSearchParams(query), departments)).toEqual(expected),
  );

  it('has no department when the person is in none', () => {
    expect(parseInboxParams(new URLSearchParams('department=dft'), [])).toEqual({
      department: null,
      sort: 'score',
    });
  });
});

describe('inboxSearch', () => {
  it('writes department and sort, keeping unrelated parameters', () => {
    const next = inboxSearch(
      { department: 'dfe', sort: 'recent' },
      new URLSearchParams('department=dft&view=compact'),
    );
    expect(next.toString()).toBe('department=dfe&view=compact&sort=recent');
  });

  it('round-trips through parseInboxParams', () => {
    const params = { department: 'dfe', sort: 'recent' } as const;
    expect(parseInboxParams(inboxSearch(params), departments)).toEqual(params);
  });
});

describe('isExplicit', () => {
  it.each([
    ['department=dft&sort=score', true],
    ['department=dft', false],
    ['', false],
  ])('?%s → %s', (query, expected) =>
    expect(isExplicit(new URLSearchParams(query), { department: 'dft', sort: 'score' })).toBe(expected),
  );
});
