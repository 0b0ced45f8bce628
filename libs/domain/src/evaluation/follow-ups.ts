import { DISPLAY_TIME_ZONE, londonDayStart } from '../metrics/conventions';

/** Sciencewise: the impact of dialogue on policy shows months later, so an exercise is followed up at these. */
export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonths = (typeof FOLLOW_UP_MONTHS)[number];

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * When the `months` follow-up of an exercise closed at `closedAt` falls due: the start (London midnight) of the
 * London day that many calendar months after the London day it closed. A day the later month lacks becomes that
 * month's last day (closed 31 August, the 6-month follow-up is due 28 or 29 February), as people count months.
 * Counted in London days, not UTC, so an exercise closed at 00:30 BST is followed up from its own date, and the
 * due instant moves by the hour the clocks moved in between.
 */
export const followUpDueAt = (closedAt: Date, months: FollowUpMonths): Date => {
  const [year, month, day] = LONDON_DATE.format(closedAt).split('-').map(Number);
  const target = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  // Noon UTC is inside the same London day in winter and summer alike.
  return londonDayStart(new Date(Date.UTC(year, target, Math.min(day, lastDay), 12)));
};

/** The three follow-ups of an exercise closed at `closedAt`. */
export const followUpsFor = (closedAt: Date): { months: FollowUpMonths; dueAt: Date }[] =>
  FOLLOW_UP_MONTHS.map((months) => ({ months, dueAt: followUpDueAt(closedAt, months) }));
