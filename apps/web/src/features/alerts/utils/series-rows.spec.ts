import { describe, expect, it } from 'vitest';
import { seriesRows, summariseAlertSeries } from './series-rows';

const point = (at: string, observed: number) => ({ at, observed, expected: 8, low: 2, high: 15 });

describe('the alert series in words and rows', () => {
  it('names the peak and counts the hours above the usual range', () => {
    const series = {
      unit: 'mentions per hour' as const,
      points: [
        point('2026-12-01T12:00:00Z', 7),
        point('2026-12-01T13:00:00Z', 42),
        point('2026-12-01T14:00:00Z', 20),
      ],
    };
    expect(summariseAlertSeries(series)).toBe(
      'Mentions peaked at 42 an hour (1 Dec, 13:00), against an expected 8; 2 of 3 hours were above the usual range.',
    );
    expect(seriesRows(series)[1]).toEqual({
      'Hour (UK time)': '1 Dec, 13:00',
      Observed: 42,
      Expected: 8,
      'Usual range from': 2,
      'Usual range to': 15,
    });
  });

  it('reads a sentiment turn by its low point, signed', () => {
    const series = {
      unit: 'net sentiment points' as const,
      points: [point('2026-06-01T12:00:00Z', 5), point('2026-06-01T13:00:00Z', -30)],
    };
    expect(summariseAlertSeries(series)).toBe(
      'Net sentiment was lowest at -30 (1 Jun, 14:00), against an expected +8; 1 of 2 hours was below the usual range.',
    );
  });

  it('says when there is nothing yet', () => {
    expect(summariseAlertSeries({ unit: 'mentions per hour', points: [] })).toMatch(/No hours/);
  });
});
