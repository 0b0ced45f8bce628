import { describe, expect, it } from 'vitest';
import {
  alertHeadline,
  alertRecipients,
  DEFAULT_ALERT_PREFERENCES,
  effectiveAlertStatus,
  inQuietHours,
  nextAlertStatus,
  planAlertDispatch,
} from './alert-handling';

const now = new Date('2026-12-01T12:00:00Z');
const open = { status: 'open' as const, snoozedUntil: null };

describe('alert actions', () => {
  it.each([
    ['open', 'acknowledge', 'acknowledged'],
    ['acknowledged', 'close', 'closed'],
    ['open', 'close', 'closed'],
    ['closed', 'reopen', 'open'],
    ['acknowledged', 'assign', 'acknowledged'],
    ['open', 'assign', 'open'],
  ] as const)('%s + %s → %s', (status, action, next) => {
    expect(nextAlertStatus({ status, snoozedUntil: null }, { action }, now)).toBe(next);
  });

  it.each([
    ['closed', 'acknowledge', /reopen it before acknowledging/],
    ['acknowledged', 'acknowledge', /already acknowledged/],
    ['closed', 'close', /already closed/],
    ['open', 'reopen', /Only a closed alert/],
    ['closed', 'assign', /reopen it before assigning/],
  ] as const)('refuses %s + %s as a conflict', (status, action, message) => {
    expect(() => nextAlertStatus({ status, snoozedUntil: null }, { action }, now)).toThrow(message);
  });

  it('snoozes only into the next week', () => {
    const inAnHour = new Date(now.getTime() + 3_600_000);
    expect(nextAlertStatus(open, { action: 'snooze', until: inAnHour }, now)).toBe('snoozed');
    expect(() =>
      nextAlertStatus(open, { action: 'snooze', until: new Date(now.getTime() - 1) }, now),
    ).toThrow(/future/);
    expect(() =>
      nextAlertStatus(open, { action: 'snooze', until: new Date(now.getTime() + 8 * 86_400_000) }, now),
    ).toThrow(/at most a week/);
  });

  it('reads a snooze that has run out as open', () => {
    expect(effectiveAlertStatus({ status: 'snoozed', snoozedUntil: new Date(now.getTime() - 1) }, now)).toBe(
      'open',
    );
    expect(effectiveAlertStatus({ status: 'snoozed', snoozedUntil: new Date(now.getTime() + 1) }, now)).toBe(
      'snoozed',
    );
    // An acknowledged alert can be snoozed, and wakes up open.
    expect(
      nextAlertStatus(
        { status: 'snoozed', snoozedUntil: new Date(now.getTime() - 1) },
        { action: 'acknowledge' },
        now,
      ),
    ).toBe('acknowledged');
  });
});

describe('quiet hours, London time', () => {
  const night = { from: '22:00', to: '07:00' };
  it.each([
    // Winter: London is UTC.
    ['2026-12-01T23:30:00Z', night, true],
    ['2026-12-01T06:59:00Z', night, true],
    ['2026-12-01T07:00:00Z', night, false],
    ['2026-12-01T12:00:00Z', night, false],
    // Summer: 21:30 UTC is 22:30 in London.
    ['2026-07-01T21:30:00Z', night, true],
    ['2026-07-01T06:30:00Z', night, false],
    ['2026-12-01T13:00:00Z', { from: '12:00', to: '14:00' }, true],
    ['2026-12-01T13:00:00Z', null, false],
  ] as const)('%s in %j is %s', (at, quiet, expected) => {
    expect(inQuietHours(new Date(at), quiet)).toBe(expected);
  });
});

describe('who hears an alert', () => {
  const members = [
    { userId: 'all', preferences: DEFAULT_ALERT_PREFERENCES },
    {
      userId: 'quiet',
      preferences: { ...DEFAULT_ALERT_PREFERENCES, quietHours: { from: '11:00', to: '13:00' } },
    },
    { userId: 'high-only', preferences: { ...DEFAULT_ALERT_PREFERENCES, minSeverity: 4 } },
    { userId: 'email-only', preferences: { ...DEFAULT_ALERT_PREFERENCES, inApp: false } },
    { userId: 'nothing', preferences: { ...DEFAULT_ALERT_PREFERENCES, inApp: false, email: false } },
  ];
  it('follows each person’s channels, severity bar and quiet hours', () => {
    expect(alertRecipients(members, 3, true, now)).toEqual([
      { userId: 'all', inApp: true, email: true },
      { userId: 'quiet', inApp: true, email: false },
      { userId: 'email-only', inApp: false, email: true },
    ]);
  });
  it('emails nobody when the department sends no alert email', () => {
    expect(alertRecipients(members, 5, false, now).filter((r) => r.email)).toEqual([]);
  });
});

describe('a digest instead of a stream', () => {
  const window = { alerts: 0, lastDigestAt: null };
  it('sends each alone while the window stays at or under the bar', () => {
    expect(planAlertDispatch(['a', 'b', 'c'], window, 3, now)).toEqual({
      kind: 'each',
      alertIds: ['a', 'b', 'c'],
    });
    expect(planAlertDispatch(['d'], { alerts: 2, lastDigestAt: null }, 3, now)).toEqual({
      kind: 'each',
      alertIds: ['d'],
    });
  });
  it('sends one digest past the bar, then holds the next ones until the window passes', () => {
    expect(planAlertDispatch(['a', 'b', 'c', 'd'], window, 3, now)).toEqual({
      kind: 'digest',
      alertIds: ['a', 'b', 'c', 'd'],
    });
    const digestAt = new Date(now.getTime() - 10 * 60_000);
    expect(planAlertDispatch(['e'], { alerts: 4, lastDigestAt: digestAt }, 3, now)).toEqual({ kind: 'wait' });
    const later = new Date(now.getTime() + 6 * 60_000);
    expect(planAlertDispatch(['e', 'f'], { alerts: 4, lastDigestAt: digestAt }, 3, later).kind).toBe(
      'digest',
    );
  });
});

describe('an alert’s headline', () => {
  it('says how many times the usual rate, or the numbers when the rise is small', () => {
    const measure = { observed: 40, expected: 10 };
    expect(alertHeadline({ kind: 'spike', scopeLabel: 'Food standards', measure })).toBe(
      'Mentions of Food standards are 4 times the usual rate',
    );
    expect(
      alertHeadline({ kind: 'spike', scopeLabel: 'Ferries', measure: { observed: 3, expected: 0 } }),
    ).toBe('Mentions of Ferries are 3 an hour against 0 usually');
    expect(
      alertHeadline({ kind: 'sentiment', scopeLabel: 'Ferries', measure: { observed: -30, expected: 5 } }),
    ).toBe('Net sentiment about Ferries fell by 35 points');
  });
});
