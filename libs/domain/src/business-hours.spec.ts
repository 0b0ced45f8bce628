import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween } from './business-hours';
import { slaDeadlines, slaState } from './sla';

const HOUR = 3_600_000;
/** Christmas 2026 as England and Wales keep it: Friday 25th, and Monday 28th for Boxing Day (a Saturday). */
const christmas = (day: string) => ['2026-12-25', '2026-12-28'].includes(day);
const none = () => false;

describe('addBusinessTime (09:00–17:30 London, Monday to Friday)', () => {
  it.each([
    ['within a day', '2026-12-01T10:00:00Z', 2 * HOUR, '2026-12-01T12:00:00.000Z', none],
    ['to the minute of closing', '2026-12-01T13:30:00Z', 4 * HOUR, '2026-12-01T17:30:00.000Z', none],
    ['over the night', '2026-12-01T16:00:00Z', 4 * HOUR, '2026-12-02T11:30:00.000Z', none],
    ['from before opening', '2026-12-01T06:00:00Z', HOUR, '2026-12-01T10:00:00.000Z', none],
    ['from after closing', '2026-12-01T19:00:00Z', HOUR, '2026-12-02T10:00:00.000Z', none],
    ['over a weekend', '2026-12-04T16:00:00Z', 4 * HOUR, '2026-12-07T11:30:00.000Z', none],
    ['posted on a Sunday', '2026-12-06T12:00:00Z', HOUR, '2026-12-07T10:00:00.000Z', none],
    [
      'over Christmas and the Boxing Day substitute',
      '2026-12-24T16:00:00Z',
      4 * HOUR,
      '2026-12-29T11:30:00.000Z',
      christmas,
    ],
    // British Summer Time: 09:00 in London is 08:00 UTC.
    ['in summer time', '2026-07-01T07:30:00Z', HOUR, '2026-07-01T09:00:00.000Z', none],
    ['over the clocks going back', '2026-10-23T15:30:00Z', 2 * HOUR, '2026-10-26T10:00:00.000Z', none],
  ])('%s', (_name, start, duration, due, holidays) => {
    expect(addBusinessTime(new Date(start), duration, holidays).toISOString()).toBe(due);
  });
});

describe('businessTimeBetween (the working time someone waited)', () => {
  const MINUTE = 60_000;
  it.each([
    ['within a day', '2026-12-01T10:00:00Z', '2026-12-01T12:15:00Z', 135, none],
    ['nothing when the end is first', '2026-12-01T12:00:00Z', '2026-12-01T10:00:00Z', 0, none],
    ['nothing outside working hours', '2026-12-01T18:00:00Z', '2026-12-01T23:00:00Z', 0, none],
    // Friday 17:00 → 17:30 is 30 minutes, the weekend none, Monday 09:00 → 09:30 another 30.
    ['across a weekend', '2026-12-04T17:00:00Z', '2026-12-07T09:30:00Z', 60, none],
    // Thursday 24th 16:00 → 17:30 is 90; the 25th and 28th are holidays, the 26th and 27th a weekend; 29th 09:00 → 10:00 is 60.
    ['over Christmas', '2026-12-24T16:00:00Z', '2026-12-29T10:00:00Z', 150, christmas],
    // 16:30 → 17:30 London (15:30 → 16:30 UTC in summer) is 60 minutes.
    ['in summer time', '2026-07-01T15:30:00Z', '2026-07-01T20:00:00Z', 60, none],
  ])('%s', (_name, start, end, minutes, holidays) => {
    expect(businessTimeBetween(new Date(start), new Date(end), holidays)).toBe(minutes * MINUTE);
  });

  it('is the inverse of addBusinessTime', () => {
    const start = new Date('2026-12-03T14:10:00Z');
    const due = addBusinessTime(start, 11 * HOUR, none);
    expect(businessTimeBetween(start, due, none)).toBe(11 * HOUR);
  });
});

describe('slaDeadlines and slaState', () => {
  const start = new Date('2026-12-01T09:00:00Z');

  it.each([
    // Due soon is the last quarter or the last hour, whichever is shorter.
    [
      '4h in business hours',
      { firstResponseMinutes: 240, businessHours: true },
      '2026-12-01T13:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
    ],
    [
      '30m: the last quarter',
      { firstResponseMinutes: 30, businessHours: false },
      '2026-12-01T09:30:00.000Z',
      '2026-12-01T09:22:30.000Z',
    ],
    [
      '16h in business hours: the last hour',
      { firstResponseMinutes: 960, businessHours: true },
      '2026-12-02T16:30:00.000Z',
      '2026-12-02T15:30:00.000Z',
    ],
    [
      '24h around the clock',
      { firstResponseMinutes: 1440, businessHours: false },
      '2026-12-02T09:00:00.000Z',
      '2026-12-02T08:00:00.000Z',
    ],
  ])('%s', (_name, policy, dueAt, dueSoonAt) => {
    const deadlines = slaDeadlines(start, policy, none);
    expect([deadlines.dueAt.toISOString(), deadlines.dueSoonAt.toISOString()]).toEqual([dueAt, dueSoonAt]);
  });

  const facts = {
    status: 'assigned' as const,
    dueAt: '2026-12-01T13:00:00Z',
    dueSoonAt: '2026-12-01T12:00:00Z',
  };
  it.each([
    ['ok before due soon', facts, '2026-12-01T11:59:59Z', 'ok'],
    ['due soon from its start', facts, '2026-12-01T12:00:00Z', 'due-soon'],
    ['overdue from the deadline', facts, '2026-12-01T13:00:00Z', 'overdue'],
    [
      'none when answered',
      { ...facts, firstResponseAt: '2026-12-01T12:30:00Z' },
      '2026-12-01T14:00:00Z',
      null,
    ],
    ['none once declined', { ...facts, status: 'declined' as const }, '2026-12-01T14:00:00Z', null],
    ['none without a deadline', { ...facts, dueAt: null, dueSoonAt: null }, '2026-12-01T14:00:00Z', null],
  ])('%s', (_name, given, now, state) => {
    expect(slaState(given, new Date(now))).toBe(state);
  });
});
