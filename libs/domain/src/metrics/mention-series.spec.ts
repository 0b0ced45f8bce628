import { describe, expect, it } from 'vitest';
import { mentionBuckets, spikeHistoryWindow } from './mention-series';

const HOUR = 3_600_000;
// A Tuesday in winter, so London days are UTC days.
const T0 = new Date('2026-11-03T00:00:00Z');
const at = (h: number) => new Date(T0.getTime() + h * HOUR);

/** Hourly points from hour -191 (the history window's start) for `count(h)`, h relative to T0. */
const points = (count: (h: number) => number, hours: number) =>
  Array.from({ length: 191 + hours }, (_, i) => ({ hour: at(i - 191), mentions: count(i - 191) })).filter(
    (p) => p.mentions > 0,
  );

describe('mentionBuckets', () => {
  it('reads 191 hours of history before the window', () => {
    expect(spikeHistoryWindow({ from: T0, to: at(24) }).from).toEqual(at(-191));
  });

  it('sums hours into London days and marks the day whose hours end a spike', () => {
    // History alternating 1, 3 (mean 2, σ 1, threshold 4 at k = 2); then 24 hours of 5 from hour 0.
    // Hour 0's last 24 h: hours -23..0 = 23 hours of the pattern (mean 2) and one 5: mean (2·23 + 5)/24 ≈ 2.1, no
    // spike. The recent mean passes 4 once more than 2/3 of the 24 h are 5s (the 1, 3 hours averaging about 2):
    // 2·(24 − n) + 5n > 96 → n > 16,
    // so hours 16..23 of day one are spikes, judged on baselines still all 1, 3 (the first 5 is hour 0).
    const count = (h: number) => (h >= 0 ? 5 : h % 2 === 0 ? 1 : 3);
    const days = mentionBuckets(points(count, 48), { from: T0, to: at(48) }, 'day');
    expect(days.map((d) => [d.at.toISOString(), d.mentions, d.spike])).toEqual([
      ['2026-11-03T00:00:00.000Z', 120, true], // 24 × 5
      ['2026-11-04T00:00:00.000Z', 120, true], // day two: hour 24's 24 h mean is 5 against a baseline of 167 pattern hours and one 5 (threshold ≈ 4.1)
    ]);
    const hours = mentionBuckets(points(count, 24), { from: T0, to: at(24) }, 'hour');
    expect(hours.filter((h) => h.spike).map((h) => h.at.getTime())).toEqual(
      Array.from({ length: 8 }, (_, i) => at(16 + i).getTime()),
    );
  });

  it('marks nothing when the history is flat, however high the day', () => {
    const count = (h: number) => (h >= 0 ? 50 : 2);
    const days = mentionBuckets(points(count, 24), { from: T0, to: at(24) }, 'day');
    expect(days).toEqual([{ at: T0, mentions: 1200, spike: false }]);
  });
});
