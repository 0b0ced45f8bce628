import { describe, expect, it } from 'vitest';
import { measureReach, reachSignal } from './reach.signal';
import { DFE, post, thread } from './thread.fixtures';

const followers = (...counts: (number | null)[]) =>
  thread(counts.map((n, i) => post('x', { authorHandle: `p${i}`, authorFollowers: n })));

describe('reachSignal', () => {
  it.each([
    { facts: followers(null, null), weight: null },
    { facts: followers(120, 800), weight: null },
    { facts: followers(1_500, null), weight: 3 },
    { facts: followers(12_000, 40), weight: 6 },
    { facts: followers(250_000, 1_000, null), weight: 10 },
  ])('$facts.posts.length posts → $weight', ({ facts, weight }) =>
    expect(reachSignal(facts)?.weight ?? null).toBe(weight),
  );

  it('counts each author once, at their largest, and skips department accounts', () => {
    const facts = thread([
      post('a', { authorHandle: 'journalist', authorFollowers: 120_400 }),
      post('b', { authorHandle: 'journalist', authorFollowers: 120_000 }),
      post('c', { authorHandle: 'parent', authorFollowers: 14_600 }),
      post('d', { authorHandle: 'educationgovuk', authorFollowers: 900_000, byDepartmentId: DFE.id }),
    ]);
    expect(measureReach(facts)).toEqual({ max: 120_400, total: 135_000, known: 2, largest: '@journalist' });
    expect(reachSignal(facts)?.detail).toBe(
      'largest audience 120,400 followers (@journalist); 135,000 across 2 known authors',
    );
  });
});
