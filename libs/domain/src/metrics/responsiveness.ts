import { addBusinessTime, businessTimeBetween, type HolidayCalendar } from '../business-hours';
import type { Window } from './conventions';
import { median, p90, ratio } from './conventions';

const MINUTE = 60_000;

/** A department's first-response promise as the metrics read it: no SLA set means nothing to be within. */
export type ResponsePolicy = { slaMinutes: number | null; businessHours: boolean };

/**
 * One opportunity of the window as responsiveness reads it, everything as of the moment the window is read at:
 * when its clock started (the first inbound public post), when the department first engaged after that, and when
 * it was closed without an answer (declined, referred, retired), if it was.
 */
export type ResponseItem = {
  startedAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
  abusive: boolean;
};

/** How long someone waited, in working minutes when the department counts its SLA in business hours. */
export const waitMinutes = (
  start: Date,
  end: Date,
  policy: ResponsePolicy,
  isHoliday: HolidayCalendar,
): number =>
  (policy.businessHours
    ? businessTimeBetween(start, end, isHoliday)
    : Math.max(0, end.getTime() - start.getTime())) / MINUTE;

/** The moment a window is read at: its end, or now while it is still running. */
export const readAt = (window: Window, now = new Date()): Date => (window.to < now ? window.to : now);

/**
 * Whether someone still waiting at `asOf` has waited longer than the SLA. Only the SLA's span is walked, not the
 * whole wait: an item open for months would otherwise cost a walk over every day since.
 */
const waitedPastSla = (
  start: Date,
  asOf: Date,
  policy: ResponsePolicy & { slaMinutes: number },
  isHoliday: HolidayCalendar,
): boolean => {
  const justPast = policy.businessHours
    ? addBusinessTime(start, (policy.slaMinutes + 1) * MINUTE, isHoliday)
    : new Date(start.getTime() + (policy.slaMinutes + 1) * MINUTE);
  const end = asOf < justPast ? asOf : justPast;
  return waitMinutes(start, end, policy, isHoliday) > policy.slaMinutes;
};

/** The age bands of the open backlog, in clock time: how long the person who asked has been waiting. */
export const BACKLOG_AGES = [
  { label: 'Under 1 hour', fromMinutes: 0, toMinutes: 60 },
  { label: '1 to 4 hours', fromMinutes: 60, toMinutes: 240 },
  { label: '4 to 24 hours', fromMinutes: 240, toMinutes: 1_440 },
  { label: '1 to 3 days', fromMinutes: 1_440, toMinutes: 4_320 },
  { label: '3 to 7 days', fromMinutes: 4_320, toMinutes: 10_080 },
  { label: 'Over 7 days', fromMinutes: 10_080, toMinutes: null },
] as const;

export type BacklogBand = { label: string; fromMinutes: number; toMinutes: number | null; count: number };

const isOpenBacklog = (item: ResponseItem) => item.answeredAt === null && item.closedAt === null;

export type FirstResponseSummary = {
  /** Answered conversations: the n behind the median. */
  answered: number;
  median: number | null;
  p90: number | null;
  /** Answered within the SLA ÷ answered, as a percentage; null with no SLA or nothing answered. */
  withinSla: { value: number | null; numerator: number; denominator: number } | null;
  backlog: { count: number; byAge: BacklogBand[] };
};

/**
 * First-response time over the window's opportunities. Only answered ones have a time; the unanswered ones still
 * open are the backlog, with their ages, and are never given a guessed time (METRICS.md).
 */
export const firstResponseSummary = (
  items: readonly ResponseItem[],
  policy: ResponsePolicy,
  asOf: Date,
  isHoliday: HolidayCalendar,
): FirstResponseSummary => {
  const waits = items.flatMap((i) =>
    i.answeredAt ? [waitMinutes(i.startedAt, i.answeredAt, policy, isHoliday)] : [],
  );
  const { slaMinutes } = policy;
  const within = slaMinutes === null ? 0 : waits.filter((w) => w <= slaMinutes).length;
  const ages = items.filter(isOpenBacklog).map((i) => (asOf.getTime() - i.startedAt.getTime()) / MINUTE);
  return {
    answered: waits.length,
    median: median(waits),
    p90: p90(waits),
    withinSla:
      slaMinutes === null
        ? null
        : { value: ratio(within, waits.length, 100), numerator: within, denominator: waits.length },
    backlog: {
      count: ages.length,
      byAge: BACKLOG_AGES.map((band) => ({
        ...band,
        count: ages.filter((a) => a >= band.fromMinutes && (band.toMinutes === null || a < band.toMinutes))
          .length,
      })),
    },
  };
};

export type ResponseRate = {
  /** Answered within the SLA. */
  numerator: number;
  /** Needing a response and decided: answered, or unanswered past the SLA. */
  denominator: number;
  /** Declined as abusive without an answer: counted apart, neither met nor missed. */
  abusive: number;
  /** Unanswered and still within the SLA when read: not yet met or missed, so in neither count. */
  notYetDue: number;
};

/**
 * Response rate within the SLA. An opportunity needs a response unless it was closed without one (declined,
 * referred elsewhere, retired): a decision not to engage is measured by `declined`, not as a miss here. Abusive
 * items are counted apart (METRICS.md). An open one still inside its SLA is neither met nor missed yet.
 */
export const responseRate = (
  items: readonly ResponseItem[],
  policy: ResponsePolicy,
  asOf: Date,
  isHoliday: HolidayCalendar,
): ResponseRate => {
  const rate: ResponseRate = { numerator: 0, denominator: 0, abusive: 0, notYetDue: 0 };
  const { slaMinutes } = policy;
  if (slaMinutes === null) return rate;
  const promise = { ...policy, slaMinutes };
  for (const item of items) {
    if (item.answeredAt) {
      rate.denominator++;
      if (waitMinutes(item.startedAt, item.answeredAt, policy, isHoliday) <= slaMinutes) rate.numerator++;
    } else if (item.abusive) rate.abusive++;
    else if (item.closedAt === null) {
      if (waitedPastSla(item.startedAt, asOf, promise, isHoliday)) rate.denominator++;
      else rate.notYetDue++;
    }
  }
  return rate;
};

/** Each count as a percentage of their total (ratio of sums); all null when there is nothing to share. */
export const shares = <K extends string>(counts: Record<K, number>): Record<K, number | null> => {
  const total = Object.values<number>(counts).reduce((sum, n) => sum + n, 0);
  return Object.fromEntries(
    Object.entries<number>(counts).map(([k, n]) => [k, ratio(n, total, 100)]),
  ) as Record<K, number | null>;
};
