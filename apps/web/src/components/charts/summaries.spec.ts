import { describe, expect, it } from 'vitest';
import { daysInWords, summariseBars, summariseSeries } from './summaries';

const count = (value: number) => new Intl.NumberFormat('en-GB').format(value);

describe('summariseSeries', () => {
  it('says the rise and names the spikes by London day', () => {
    const points = [
      { at: '2025-11-01T00:00:00Z', value: 120 },
      { at: '2025-11-03T00:00:00Z', value: 400, spike: true },
      { at: '2025-11-09T00:00:00Z', value: 500, spike: true },
      { at: '2025-11-10T00:00:00Z', value: 340 },
    ];
    expect(summariseSeries('Mentions', points, count, 'a day')).toBe(
      'Mentions rose from 120 to 340 a day; two spikes, on 3 and 9 November.',
    );
  });

  it('skips buckets with no data rather than reading them as zero', () => {
    const points = [
      { at: '2025-11-01T00:00:00Z', value: null },
      { at: '2025-11-02T00:00:00Z', value: 50 },
      { at: '2025-11-03T00:00:00Z', value: 20 },
      { at: '2025-11-04T00:00:00Z', value: null },
    ];
    expect(summariseSeries('Coverage', points, (v) => `${v}%`)).toBe('Coverage fell from 50% to 20%.');
  });

  it('says when there is nothing to read', () =>
    expect(summariseSeries('Mentions', [{ at: '2025-11-01T00:00:00Z', value: null }], count)).toBe(
      'Mentions: no data in this period.',
    ));

  it('says a flat line as one value', () =>
    expect(
      summariseSeries(
        'Opportunities',
        [
          { at: '2025-11-01T00:00:00Z', value: 4 },
          { at: '2025-11-02T00:00:00Z', value: 4 },
        ],
        count,
        'a day',
      ),
    ).toBe('Opportunities stayed at 4 a day.'));
});

describe('daysInWords', () => {
  it('names both months when the days cross one', () =>
    expect(daysInWords(['2025-10-30T12:00:00Z', '2025-11-02T12:00:00Z'])).toBe('30 October and 2 November'));
  // 23:30 UTC on 30 June is already 1 July in London (BST).
  it('reads the day in London', () => expect(daysInWords(['2025-06-30T23:30:00Z'])).toBe('1 July'));
});

describe('summariseBars', () => {
  it('names the largest and the smallest', () =>
    expect(
      summariseBars(
        'Engagements by type',
        [
          { label: 'Replies', value: 12 },
          { label: 'Original posts', value: 3 },
          { label: 'Pointers', value: 5 },
        ],
        count,
      ),
    ).toBe('Engagements by type: most Replies (12), least Original posts (3).'));
  it('says when there is nothing', () =>
    expect(summariseBars('Themes', [], count)).toBe('Themes: no data in this period.'));
});
