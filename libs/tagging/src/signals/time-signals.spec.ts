import type { Signal } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { scoreSignals } from './score';
import { refreshTimeSignals } from './time-signals';
import { NOW, hoursAgo } from './thread.fixtures';

const rule: Signal = { kind: 'rule', detail: 'uc (universal, credit)', weight: 32 };
const question: Signal = { kind: 'question', detail: '“Is that normal?”', weight: 25 };
const taggedFresh: Signal[] = [
  rule,
  question,
  { kind: 'velocity', detail: '4 posts in the last 6 h (0.7/h vs 0.1/h overall)', weight: 10 },
  { kind: 'recency', detail: 'last public post under a minute ago', weight: 10 },
];
const days = (d: number) => d * 24;

describe('refreshTimeSignals', () => {
  it.each([
    {
      name: 'read at once: what tagging said',
      times: [hoursAgo(72), hoursAgo(48), hoursAgo(4), hoursAgo(3), hoursAgo(2), hoursAgo(0)],
      signals: taggedFresh.map((s) =>
        s.kind === 'recency' ? { ...s, detail: 'last public post under a minute ago' } : s,
      ),
    },
    {
      name: 'read three days later: quiet, and no longer growing',
      times: [hoursAgo(days(3) + 72), hoursAgo(days(3) + 2), hoursAgo(days(3))],
      signals: [rule, question, { kind: 'recency', detail: 'quiet for 3 days', weight: -5 }],
    },
    {
      name: 'read a day later: still recent, less so',
      times: [hoursAgo(30)],
      signals: [rule, question, { kind: 'recency', detail: 'last public post 30 h ago', weight: 5 }],
    },
    { name: 'no dated public post: no time signals', times: [], signals: [rule, question] },
  ] satisfies { name: string; times: Date[]; signals: Signal[] }[])('$name', ({ times, signals }) => {
    const refreshed = refreshTimeSignals(taggedFresh, times, NOW);
    expect(refreshed.signals).toEqual(signals);
    expect(refreshed.score).toBe(scoreSignals(signals));
  });

  it('keeps the signals in the order tagging gives them', () => {
    const stored: Signal[] = [
      rule,
      { kind: 'recency', detail: 'last public post 5 min ago', weight: 10 },
      { kind: 'already-engaged', detail: 'answered', weight: -20 },
    ];
    const kinds = refreshTimeSignals(stored, [hoursAgo(50)], NOW).signals.map((s) => s.kind);
    expect(kinds).toEqual(['rule', 'recency', 'already-engaged']);
  });
});
