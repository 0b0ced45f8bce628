import { describe, expect, it } from 'vitest';
import { dayKindOf } from './calendar';
import { DETECTOR_HOURS, judgeRise, riseBand, type DetectorSettings, type HourlyCounts } from './rise';

/** The alert settings' defaults (alertSettingsSchema). */
const SETTINGS: DetectorSettings = { k: 2, expectedK: 4, minBaseline: 50, sentimentDropPoints: 20 };

const HOUR = 3_600_000;
const noHolidays = () => false;
/** Christmas 2026 in England: Friday 25th, and Monday 28th in lieu of Boxing Day. */
const christmas = (date: string) => ['2026-12-25', '2026-12-28'].includes(date);

/** 192 hours ending with the hour that starts at `last`, each count from `count(hourStart, index)`. */
const series = (last: string, count: (at: Date, i: number) => number): HourlyCounts => {
  const start = new Date(new Date(last).getTime() - (DETECTOR_HOURS - 1) * HOUR);
  return {
    start,
    counts: Array.from({ length: DETECTOR_HOURS }, (_, i) => count(new Date(start.getTime() + i * HOUR), i)),
  };
};
/** 4, 6, 4, 6 …: mean 5, σ 1. */
const steady = (_: Date, i: number) => (i % 2 ? 6 : 4);

describe('judgeRise', () => {
  it('raises nothing on a steady series', () => {
    expect(judgeRise(series('2026-11-25T12:00:00Z', steady), SETTINGS, noHolidays)).toEqual({
      rise: null,
      suppressed: null,
    });
  });

  it('crosses the day test when the last 24 hours average above mean + 2σ', () => {
    const verdict = judgeRise(
      series('2026-11-25T12:00:00Z', (at, i) => (i >= DETECTOR_HOURS - 24 ? 8 : steady(at, i))),
      SETTINGS,
      noHolidays,
    );
    expect(verdict.rise).toMatchObject({ window: 'day', n: 192, baselineN: 840 });
    expect(verdict.rise?.observed).toBeCloseTo(8);
    expect(verdict.rise?.expected).toBeCloseTo(5);
    expect(verdict.rise?.threshold).toBeCloseTo(7);
  });

  it('crosses the hour test on one hour far above the 12 before it', () => {
    const verdict = judgeRise(
      series('2026-11-25T12:00:00Z', (at, i) => (i === DETECTOR_HOURS - 1 ? 20 : steady(at, i))),
      SETTINGS,
      noHolidays,
    );
    expect(verdict.rise).toMatchObject({
      window: 'hour',
      observed: 20,
      expected: 5,
      threshold: 7,
      n: 20,
      baselineN: 60,
    });
  });

  it.each([
    ['σ = 0', () => 5, 'flat_baseline'],
    ['fewer than 50 baseline mentions', (_: Date, i: number) => (i % 8 === 0 ? 1 : 0), 'thin_baseline'],
  ] as const)('suppresses when %s', (_, count, suppressed) => {
    const verdict = judgeRise(
      series('2026-11-25T12:00:00Z', (at, i) => (i === DETECTOR_HOURS - 1 ? 100 : count(at, i))),
      SETTINGS,
      noHolidays,
    );
    expect(verdict).toEqual({ rise: null, suppressed });
  });

  it('needs a whole baseline', () => {
    const short = { start: new Date('2026-11-25T00:00:00Z'), counts: [1, 2, 50] };
    expect(judgeRise(short, SETTINGS, noHolidays).suppressed).toBe('short_history');
  });

  it('honours k from the settings', () => {
    const rising = series('2026-11-25T12:00:00Z', (at, i) => (i >= DETECTOR_HOURS - 24 ? 8 : steady(at, i)));
    expect(judgeRise(rising, { ...SETTINGS, k: 4 }, noHolidays).rise).toBeNull();
  });

  describe('inside an expected event', () => {
    const event = (from: string, to: string) => [
      { name: 'Budget', kind: 'announcement', from: new Date(from), to: new Date(to) },
    ];
    const spike = (size: number) =>
      series('2026-11-25T12:00:00Z', (at, i) => (i === DETECTOR_HOURS - 1 ? size : steady(at, i)));

    it('raises nothing below the higher bar (mean + 4σ)', () => {
      expect(
        judgeRise(spike(8.5), SETTINGS, noHolidays, event('2026-11-25T11:00:00Z', '2026-11-25T14:00:00Z'))
          .rise,
      ).toBeNull();
    });

    it('rises above it, labelled with the event', () => {
      const verdict = judgeRise(
        spike(12),
        SETTINGS,
        noHolidays,
        event('2026-11-25T11:00:00Z', '2026-11-25T14:00:00Z'),
      );
      expect(verdict.rise).toMatchObject({ window: 'hour', threshold: 9, expectedEvent: { name: 'Budget' } });
    });

    it('does not raise the bar for an event that has not begun', () => {
      const verdict = judgeRise(
        spike(8.5),
        SETTINGS,
        noHolidays,
        event('2026-11-26T09:00:00Z', '2026-11-26T11:00:00Z'),
      );
      expect(verdict.rise).toMatchObject({ window: 'hour', expectedEvent: null });
    });
  });

  describe('weekends and bank holidays', () => {
    /** Busy on working days (20 ± 2), quiet at rest (4 ± 1). */
    const weekly = (isHoliday: (d: string) => boolean) => (at: Date, i: number) =>
      dayKindOf(at, isHoliday) === 'working' ? (i % 2 ? 22 : 18) : i % 2 ? 5 : 3;

    it('judges a Monday against working days, not the weekend before it', () => {
      // Monday 09:00: the 12 hours before are Sunday's; compared with them, Monday's usual 22 would be a spike.
      const verdict = judgeRise(series('2026-11-30T09:00:00Z', weekly(noHolidays)), SETTINGS, noHolidays);
      expect(verdict.rise).toBeNull();
    });

    it('finds no spike in a weekend dip, nor in the working week after it', () => {
      for (const last of [
        '2026-11-28T15:00:00Z',
        '2026-11-29T23:00:00Z',
        '2026-11-30T00:00:00Z',
        '2026-11-30T10:00:00Z',
      ]) {
        expect(judgeRise(series(last, weekly(noHolidays)), SETTINGS, noHolidays).rise).toBeNull();
      }
    });

    it('knows a bank holiday is a rest day', () => {
      // Tuesday 29 December, after the Christmas Monday in lieu: the quiet Friday and Monday are rest days, so the
      // working-day baseline is the busy days alone (without the holidays it would be pulled down by them).
      const traffic = series('2026-12-29T09:00:00Z', weekly(christmas));
      const aware = riseBand(traffic, SETTINGS, christmas);
      const naive = riseBand(traffic, SETTINGS, noHolidays);
      const tuesday = aware.length - 1;
      expect(aware[tuesday].expected).toBe(20);
      expect(naive[tuesday].expected).toBeLessThan(17);
      expect(judgeRise(traffic, SETTINGS, christmas).rise).toBeNull();
    });
  });
});

describe('riseBand', () => {
  it('draws the last 7 days with each hour’s kind-of-day band', () => {
    const band = riseBand(series('2026-11-25T12:00:00Z', steady), SETTINGS, noHolidays);
    expect(band).toHaveLength(168);
    expect(band[0]).toMatchObject({ expected: 5, low: 3, high: 7 });
    expect(band[167].at).toEqual(new Date('2026-11-25T12:00:00Z'));
  });
});
