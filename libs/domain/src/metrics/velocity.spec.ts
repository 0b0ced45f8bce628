import { describe, expect, it } from 'vitest';
import { hourlySeries, spikeMarks, velocity, velocityWindow } from './velocity';

/** 168 baseline hours then 24 recent ones, oldest first. */
const series = (baseline: (hour: number) => number, recent: (hour: number) => number) => [
  ...Array.from({ length: 168 }, (_, h) => baseline(h)),
  ...Array.from({ length: 24 }, (_, h) => recent(h)),
];
// Baseline alternating 1, 3: mean 2, every hour 1 away from it so σ = 1, 336 mentions. Threshold at k=2: 4.
const alternating = (h: number) => (h % 2 === 0 ? 1 : 3);

describe('velocity', () => {
  it.each([
    ['recent mean 5 > 4: a spike', series(alternating, () => 5), 2, true, null],
    ['recent mean 4 is not above 4', series(alternating, () => 4), 2, false, null],
    ['k = 3 raises the threshold to 5', series(alternating, () => 5), 3, false, null],
    [
      'σ = 0 suppresses however high',
      series(
        () => 2,
        () => 100,
      ),
      2,
      false,
      'flat_baseline',
    ],
    // 48 mentions in the baseline week (1 in each of the first 48 hours): σ > 0 but fewer than 50.
    [
      'a baseline of 48 mentions suppresses',
      series(
        (h) => (h < 48 ? 1 : 0),
        () => 10,
      ),
      2,
      false,
      'thin_baseline',
    ],
    ['less than 8 days of hours suppresses', Array.from({ length: 100 }, () => 9), 2, false, 'short_history'],
  ] as const)('%s', (_, hourly, k, spike, suppressed) => {
    const result = velocity(hourly, k);
    expect(result.spike).toBe(spike);
    expect(result.suppressed).toBe(suppressed);
  });

  it('reports the figures behind the decision', () => {
    expect(velocity(series(alternating, () => 5))).toEqual({
      recentMean: 5,
      baselineMean: 2,
      baselineSd: 1,
      baselineMentions: 336,
      threshold: 4,
      spike: true,
      suppressed: null,
      lastHourRatio: 1,
    });
  });

  it('uses only the 7 days before the last 24 hours as the baseline', () => {
    // 50 older hours of 1000 are outside the window and change nothing.
    const older = Array.from({ length: 50 }, () => 1000);
    expect(velocity([...older, ...series(alternating, () => 5)])).toMatchObject({
      baselineMean: 2,
      baselineSd: 1,
      spike: true,
    });
  });

  it.each([
    // 12 hours of 2 (24 mentions, 2 an hour) then 6 in the last hour: 6 ÷ 2 = 3.
    ['6 after 2 an hour → 3', [...Array.from({ length: 12 }, () => 2), 6], 3],
    ['nothing in the 12 hours before → null', [...Array.from({ length: 12 }, () => 0), 6], null],
    ['fewer than 13 hours → null', [1, 2, 3], null],
    ['quiet last hour → 0', [...Array.from({ length: 12 }, () => 4), 0], 0],
  ])('last hour ÷ previous 12 h: %s', (_, hourly, expected) =>
    expect(velocity(hourly).lastHourRatio).toBe(expected),
  );
});

describe('spikeMarks', () => {
  it('marks an hour only once it has a full baseline behind it and ends a spike', () => {
    const hourly = series(alternating, () => 5);
    const marks = spikeMarks(hourly);
    expect(marks).toHaveLength(192);
    expect(marks.map((m, i) => (m ? i : -1)).filter((i) => i >= 0)).toEqual([191]);
  });

  it('judges each hour on the 192 hours up to it', () => {
    // A spike at hour 191, then 24 quiet hours (the 24-hour mean falls back under the threshold by the end).
    const hourly = [...series(alternating, () => 5), ...Array.from({ length: 24 }, () => 0)];
    const marks = spikeMarks(hourly);
    expect(marks[191]).toBe(true);
    expect(marks[hourly.length - 1]).toBe(false);
  });
});

describe('hourlySeries', () => {
  const at = (iso: string) => new Date(iso);
  it('fills the hours without mentions with 0, from the start of the first hour, and ignores points outside', () => {
    const series = hourlySeries(
      [
        { hour: at('2026-03-29T01:00:00Z'), mentions: 4 },
        { hour: at('2026-03-29T03:00:00Z'), mentions: 2 },
        { hour: at('2026-03-29T05:00:00Z'), mentions: 9 },
        { hour: at('2026-03-28T23:00:00Z'), mentions: 9 },
      ],
      { from: at('2026-03-29T00:30:00Z'), to: at('2026-03-29T04:00:00Z') },
    );
    expect(series.map((s) => [s.hour.toISOString().slice(11, 13), s.mentions])).toEqual([
      ['00', 0],
      ['01', 4],
      ['02', 0],
      ['03', 2],
    ]);
  });

  it('feeds velocity: the window before now holds 192 hours', () => {
    const window = velocityWindow(at('2026-03-29T12:34:00Z'));
    expect(window).toEqual({ from: at('2026-03-21T12:00:00Z'), to: at('2026-03-29T12:00:00Z') });
    const hourly = hourlySeries([], window).map((s) => s.mentions);
    expect(hourly).toHaveLength(192);
    expect(velocity(hourly).suppressed).toBe('flat_baseline');
  });
});
