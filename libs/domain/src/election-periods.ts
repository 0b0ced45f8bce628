import type { Route } from './route';

/**
 * A pre-election period ("purdah"): from and to are calendar dates (YYYY-MM-DD), both days included, in UK time.
 * While one is in force, proactive posts need a manager's approval and every draft carries a finding.
 */
export type ElectionPeriod = { name: string; from: string; to: string };

const UK_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the UK at this instant, as YYYY-MM-DD (en-CA writes dates that way). */
export const ukDate = (at: Date): string => UK_DATE.format(at);

/** True for a real calendar date written YYYY-MM-DD (not 2027-02-30). */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** The period in force on the UK date of `at`; of overlapping ones, the one that lasts longest. */
export const activeElectionPeriod = <P extends ElectionPeriod>(periods: readonly P[], at: Date): P | null => {
  const today = ukDate(at);
  const active = periods.filter((p) => p.from <= today && today <= p.to);
  return active.sort((a, b) => b.to.localeCompare(a.to))[0] ?? null;
};

/** Routes where the department would post unprompted: these suggestions are marked in an election period. */
export const PROACTIVE_ROUTES: readonly Route[] = ['public-info'];
export const isProactiveRoute = (route: Route): boolean => PROACTIVE_ROUTES.includes(route);
