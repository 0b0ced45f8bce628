import { describe, expect, it } from 'vitest';
import { hoursAgo, post, thread } from './thread.fixtures';
import { measureVelocity, velocitySignal } from './velocity.signal';

const at = (...hours: number[]) => thread(hours.map((h) => post('x', { publishedAt: hoursAgo(h) })));

describe('velocitySignal', () => {
  it.each([
    { name: 'no dated posts', facts: thread([post('x', { publishedAt: null })]), weight: null },
    { name: 'two recent posts are chatter', facts: at(1, 2), weight: null },
    { name: 'steady over days', facts: at(1, 10, 20, 30, 40, 50, 60, 70), weight: null },
    { name: 'a burst after a quiet start', facts: at(1, 2, 3, 4, 48, 72), weight: 10 },
    { name: 'young and busy', facts: at(0.2, 0.4, 0.6, 0.8, 1), weight: 10 },
    { name: 'picking up', facts: at(1, 3, 5, 10, 15, 20, 24), weight: 5 },
  ])('$name → $weight', ({ facts, weight }) => expect(velocitySignal(facts)?.weight ?? null).toBe(weight));

  it('reports recent and overall rates', () => {
    expect(measureVelocity(at(1, 2, 3, 4, 48, 72))).toEqual({
      recentPosts: 4,
      recentPerHour: 4 / 6,
      overallPerHour: 6 / 72,
    });
    expect(velocitySignal(at(1, 2, 3, 4, 48, 72))?.detail).toBe(
      '4 posts in the last 6 h (0.7/h vs 0.1/h overall)',
    );
  });
});
