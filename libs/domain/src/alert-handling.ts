import { DomainError } from './errors';

/**
 * How people handle an alert once it is raised (issue 12): the status an action leads to, who hears about it and
 * when. Pure rules; the api and the worker load the state and write the outcome.
 */
export type AlertHandlingStatus = 'open' | 'acknowledged' | 'snoozed' | 'closed';
export type AlertActionName = 'acknowledge' | 'assign' | 'snooze' | 'close' | 'reopen';

/** An alert as the rules see it: its stored status, and when a snooze ends. */
export type AlertState = { status: AlertHandlingStatus; snoozedUntil: Date | null };

/** A snoozed alert whose time is up is open again, without anyone writing it back. */
export const effectiveAlertStatus = (alert: AlertState, now: Date): AlertHandlingStatus =>
  alert.status === 'snoozed' && (alert.snoozedUntil === null || alert.snoozedUntil <= now)
    ? 'open'
    : alert.status;

/** The longest snooze: past a week an alert is better closed (or its rule muted) than hidden. */
export const MAX_SNOOZE_MS = 7 * 24 * 3_600_000;

const refuse = (message: string) => new DomainError('conflict', message);

/**
 * The status `action` leads to from the alert's status now, or a conflict saying why it cannot be done. Assigning
 * keeps the status (an assignee of an open alert has acknowledged nothing yet) but not on a closed alert.
 */
export const nextAlertStatus = (
  alert: AlertState,
  action: { action: AlertActionName; until?: Date },
  now: Date,
): AlertHandlingStatus => {
  const status = effectiveAlertStatus(alert, now);
  switch (action.action) {
    case 'acknowledge':
      if (status === 'closed') throw refuse('This alert is closed: reopen it before acknowledging it.');
      if (status === 'acknowledged') throw refuse('This alert is already acknowledged.');
      return 'acknowledged';
    case 'assign':
      if (status === 'closed') throw refuse('This alert is closed: reopen it before assigning it.');
      return status;
    case 'snooze': {
      if (status === 'closed') throw refuse('This alert is closed: there is nothing to snooze.');
      const until = action.until as Date;
      if (until <= now)
        throw new DomainError('invalid', 'Snooze until a time in the future.', [
          { path: 'until', message: 'until is in the past' },
        ]);
      if (until.getTime() - now.getTime() > MAX_SNOOZE_MS)
        throw new DomainError('invalid', 'Snooze for at most a week; mute the rule or source for longer.', [
          { path: 'until', message: 'until is more than 7 days ahead' },
        ]);
      return 'snoozed';
    }
    case 'close':
      if (status === 'closed') throw refuse('This alert is already closed.');
      return 'closed';
    case 'reopen':
      if (status !== 'closed') throw refuse('Only a closed alert can be reopened.');
      return 'open';
  }
};

/** A person's alert delivery as stored: `{}` until they choose, which reads as these defaults. */
export type AlertDeliveryPreferences = {
  email: boolean;
  inApp: boolean;
  minSeverity: number;
  quietHours: { from: string; to: string } | null;
};
export const DEFAULT_ALERT_PREFERENCES: AlertDeliveryPreferences = {
  email: true,
  inApp: true,
  minSeverity: 1,
  quietHours: null,
};

export const alertPreferencesOf = (
  stored: Partial<AlertDeliveryPreferences> | null,
): AlertDeliveryPreferences => ({
  ...DEFAULT_ALERT_PREFERENCES,
  ...(stored ?? {}),
});

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether London's clock at `at` is inside quiet hours `from`–`to`; a span past midnight (22:00–07:00) wraps.
 * `from` is inside, `to` is not; equal ends mean no quiet hours.
 */
export const inQuietHours = (at: Date, quiet: { from: string; to: string } | null): boolean => {
  if (!quiet) return false;
  const parts = Object.fromEntries(LONDON_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  const now = Number(parts.hour) * 60 + Number(parts.minute);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
};

/** Alerts arriving for a department within this long are counted together for the digest. */
export const ALERT_DIGEST_WINDOW_MS = 15 * 60_000;

/** What a department's new alerts were handed to delivery as: each alone, or one digest of them all. */
export type AlertDispatchPlan =
  { kind: 'each'; alertIds: string[] } | { kind: 'digest'; alertIds: string[] } | { kind: 'wait' };

/**
 * One department's undelivered alerts against what it was sent in the last 15 minutes: while the total stays at or
 * under `digestAbove` each is sent alone; past it, one digest of those waiting, and after a digest the next ones
 * wait for the window to pass, so a firestorm reaches people as one message per 15 minutes, not a stream.
 */
export const planAlertDispatch = (
  waiting: string[],
  recent: { alerts: number; lastDigestAt: Date | null },
  digestAbove: number,
  now: Date,
): AlertDispatchPlan => {
  if (waiting.length === 0) return { kind: 'wait' };
  if (recent.lastDigestAt && now.getTime() - recent.lastDigestAt.getTime() < ALERT_DIGEST_WINDOW_MS)
    return { kind: 'wait' };
  return recent.alerts + waiting.length > digestAbove
    ? { kind: 'digest', alertIds: waiting }
    : { kind: 'each', alertIds: waiting };
};

/** Who of a department's members is told about an alert, and how, by their own preferences. */
export type AlertRecipient = { userId: string; inApp: boolean; email: boolean };
export const alertRecipients = (
  members: { userId: string; preferences: AlertDeliveryPreferences }[],
  severity: number,
  departmentEmails: boolean,
  now: Date,
): AlertRecipient[] =>
  members.flatMap(({ userId, preferences }) => {
    // Below a person's bar an alert reaches them only in a digest; a digest passes 5, the highest.
    if (severity < preferences.minSeverity) return [];
    const email = departmentEmails && preferences.email && !inQuietHours(now, preferences.quietHours);
    return preferences.inApp || email ? [{ userId, inApp: preferences.inApp, email }] : [];
  });

/** What the headline needs of an alert. */
export type AlertHeadlineInput = {
  kind: 'spike' | 'partner' | 'sentiment';
  scopeLabel: string;
  measure: { observed: number; expected: number };
};

const rate = (n: number) => (n >= 10 ? Math.round(n).toString() : n.toFixed(1).replace(/\.0$/, ''));

/** One plain line for the header's toast, a notification, an email subject and a channel. */
export const alertHeadline = ({ kind, scopeLabel, measure }: AlertHeadlineInput): string => {
  const { observed, expected } = measure;
  if (kind === 'sentiment')
    return `Net sentiment about ${scopeLabel} fell by ${rate(Math.abs(expected - observed))} points`;
  const times = expected > 0 ? observed / expected : null;
  const size =
    times !== null && times >= 1.5
      ? `${rate(times)} times the usual rate`
      : `${rate(observed)} an hour against ${rate(expected)} usually`;
  return kind === 'partner'
    ? `Posts naming ${scopeLabel} with boycott or protest language are ${size}`
    : `Mentions of ${scopeLabel} are ${size}`;
};

/** The digest's line: how many alerts a department had together. */
export const alertDigestHeadline = (count: number, departmentName: string): string =>
  `${count} alerts in ${departmentName} within 15 minutes`;
