import { describe, expect, it } from 'vitest';
import { recencySignal } from './recency.signal';
import { DFE, hoursAgo, post, thread } from './thread.fixtures';

describe('recencySignal', () => {
  it.each([
    { latest: [0.5], weight: 10, detail: 'last public post 30 min ago' },
    { latest: [5, 30], weight: 10, detail: 'last public post 5 h ago' },
    { latest: [30, 40], weight: 5, detail: 'last public post 30 h ago' },
    { latest: [120], weight: -5, detail: 'quiet for 5 days' },
  ])('$detail', ({ latest, weight, detail }) => {
    const signal = recencySignal(thread(latest.map((h) => post('x', { publishedAt: hoursAgo(h) }))));
    expect(signal).toEqual({ kind: 'recency', detail, weight });
  });

  it('ignores undated posts and department posts', () => {
    expect(recencySignal(thread([post('x', { publishedAt: null })]))).toBeNull();
    const facts = thread([
      post('q', { publishedAt: hoursAgo(100) }),
      post('a', { publishedAt: hoursAgo(1), byDepartmentId: DFE.id }),
    ]);
    expect(recencySignal(facts)?.weight).toBe(-5);
  });
});
