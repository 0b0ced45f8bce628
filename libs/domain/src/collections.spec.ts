import { describe, expect, it } from 'vitest';
import { groupBy } from './collections';

describe('groupBy', () => {
  it('groups in first-seen order, keeping each group in input order', () => {
    const groups = groupBy(['ant', 'bee', 'asp', 'cat', 'bat'], (w) => w[0]);
    expect([...groups]).toEqual([
      ['a', ['ant', 'asp']],
      ['b', ['bee', 'bat']],
      ['c', ['cat']],
    ]);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], String).size).toBe(0);
  });
});
