import { describe, expect, it } from 'vitest';
import {
  firstResponseSummary,
  readAt,
  responseRate,
  shares,
  waitMinutes,
  type ResponseItem,
} from './responsiveness';

const none = () => false;
const t = (iso: string) => new Date(iso);
const item = (started: string, answered: string | null, extra: Partial<ResponseItem> = {}): ResponseItem => ({
  startedAt: t(started),
  answeredAt: answered ? t(answered) : null,
  closedAt: null,
  abusive: false,
  ...extra,
});

const clock = { slaMinutes: 60, businessHours: false };
const business = { slaMinutes: 60, businessHours: true };
// Tuesday 1 December 2026, 12:00 UTC (GMT, so London time too).
const asOf = t('2026-12-01T12:00:00Z');

describe('waitMinutes', () => {
  it('counts clock or working minutes as the department says', () => {
    // Friday 17:00 to Monday 09:30: 64 h 30 min on the clock (64 × 60 + 30 = 3,870 minutes), 60 working minutes.
    const [friday, monday] = [t('2026-12-04T17:00:00Z'), t('2026-12-07T09:30:00Z')];
    expect(waitMinutes(friday, monday, clock, none)).toBe(3_870);
    expect(waitMinutes(friday, monday, business, none)).toBe(60);
  });
});

describe('firstResponseSummary', () => {
  const items = [
    item('2026-12-01T09:00:00Z', '2026-12-01T09:10:00Z'), // 10
    item('2026-12-01T09:00:00Z', '2026-12-01T09:30:00Z'), // 30
    item('2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z'), // 120
    item('2026-12-01T11:30:00Z', null), // open, 30 minutes old
    item('2026-11-28T12:00:00Z', null), // open, 3 days 0 h = 4,320 minutes: the "3 to 7 days" band
    item('2026-12-01T08:00:00Z', null, { closedAt: t('2026-12-01T08:30:00Z') }), // declined: not waiting
  ];

  it('gives median, p90 and the share within the SLA of the answered only, and the rest as backlog', () => {
    const summary = firstResponseSummary(items, clock, asOf, none);
    // Sorted 10, 30, 120: nearest-rank median is the 2nd (30), p90 the ceil(2.7) = 3rd (120). Within 60: 2 of 3.
    expect(summary).toMatchObject({ answered: 3, median: 30, p90: 120 });
    expect(summary.withinSla).toEqual({ value: (2 / 3) * 100, numerator: 2, denominator: 3 });
    expect(summary.backlog.count).toBe(2);
    expect(summary.backlog.byAge.map((b) => b.count)).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('has no share within the SLA when there is none, and no median when nothing was answered', () => {
    const summary = firstResponseSummary(
      [item('2026-12-01T11:00:00Z', null)],
      { ...clock, slaMinutes: null },
      asOf,
      none,
    );
    expect(summary).toMatchObject({ answered: 0, median: null, p90: null, withinSla: null });
  });

  it('gives null within the SLA when nothing was answered (a zero denominator)', () => {
    expect(firstResponseSummary([], clock, asOf, none).withinSla).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
});

describe('responseRate', () => {
  it('counts met and missed, keeps abusive apart and leaves the not-yet-due out', () => {
    const rate = responseRate(
      [
        item('2026-12-01T09:00:00Z', '2026-12-01T09:45:00Z'), // met (45)
        item('2026-12-01T09:00:00Z', '2026-12-01T10:30:00Z'), // missed (90)
        item('2026-12-01T09:00:00Z', null), // open and 180 minutes old: missed
        item('2026-12-01T11:30:00Z', null), // open, 30 minutes old: not yet due
        item('2026-12-01T09:00:00Z', null, { closedAt: t('2026-12-01T09:05:00Z'), abusive: true }),
        item('2026-12-01T09:00:00Z', null, { closedAt: t('2026-12-01T09:05:00Z') }), // declined: needs none
      ],
      clock,
      asOf,
      none,
    );
    expect(rate).toEqual({ numerator: 1, denominator: 3, abusive: 1, notYetDue: 1 });
  });

  it('has nothing to count without an SLA', () => {
    expect(
      responseRate(
        [item('2026-12-01T09:00:00Z', '2026-12-01T09:01:00Z')],
        { ...clock, slaMinutes: null },
        asOf,
        none,
      ),
    ).toEqual({ numerator: 0, denominator: 0, abusive: 0, notYetDue: 0 });
  });
});

describe('shares', () => {
  it('is each count over the total, and null for every one when there are none', () => {
    expect(shares({ transmit: 1, receive: 1, collaborate: 2 })).toEqual({
      transmit: 25,
      receive: 25,
      collaborate: 50,
    });
    expect(shares({ transmit: 0, receive: 0 })).toEqual({ transmit: null, receive: null });
  });
});

describe('readAt', () => {
  it('reads a period that is over at its end, and one still running now', () => {
    const window = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
    expect(readAt(window, t('2026-12-01T00:00:00Z'))).toEqual(window.to);
    expect(readAt(window, t('2026-11-10T12:00:00Z'))).toEqual(t('2026-11-10T12:00:00Z'));
  });
});

describe('responseRate for work open a long time', () => {
  it('counts one open for months as missed after walking only its SLA', () => {
    const started = performance.now();
    const open = Array.from({ length: 2_000 }, () => item('2026-01-05T09:00:00Z', null));
    const rate = responseRate(open, business, t('2026-12-31T12:00:00Z'), none);
    expect(rate).toEqual({ numerator: 0, denominator: 2_000, abusive: 0, notYetDue: 0 });
    // Not a benchmark: a walk over the year's days for each would take seconds, this a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('is not yet missed at exactly the SLA, and missed a minute later', () => {
    // 60 business minutes from Friday 17:00 end Monday 09:30.
    const friday = item('2026-12-04T17:00:00Z', null);
    expect(responseRate([friday], business, t('2026-12-07T09:30:00Z'), none).notYetDue).toBe(1);
    expect(responseRate([friday], business, t('2026-12-07T09:31:00Z'), none).denominator).toBe(1);
  });
});
