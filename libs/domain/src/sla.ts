import { addBusinessTime, type HolidayCalendar } from './business-hours';
import { OPEN_STATUSES, type OpportunityStatus } from './opportunity-workflow';

/** A department's promise of a first response: so long after the first public post, in working hours or not. */
export type SlaPolicy = { firstResponseMinutes: number; businessHours: boolean };

export const SLA_STATES = ['ok', 'due-soon', 'overdue'] as const;
export type SlaState = (typeof SLA_STATES)[number];

const HOUR = 3_600_000;

/**
 * When the first response is due, and from when it counts as due soon. Due soon is the last quarter of the SLA or
 * its last (working) hour, whichever is shorter: a quarter alone would warn a day ahead of a four-day SLA, so often
 * that the warning stops meaning "act now"; an hour alone would make a 30-minute SLA due soon from the start.
 */
export const slaDeadlines = (
  start: Date,
  policy: SlaPolicy,
  isHoliday: HolidayCalendar,
): { dueAt: Date; dueSoonAt: Date } => {
  const total = policy.firstResponseMinutes * 60_000;
  const warning = Math.min(total / 4, HOUR);
  const after = (ms: number) =>
    policy.businessHours ? addBusinessTime(start, ms, isHoliday) : new Date(start.getTime() + ms);
  return { dueAt: after(total), dueSoonAt: after(total - warning) };
};

export type SlaFacts = {
  status: OpportunityStatus;
  dueAt: Date | string | null;
  dueSoonAt: Date | string | null;
  /** When the department first answered in the thread (detected from its own posts), if it has. */
  firstResponseAt?: Date | string | null;
};

const time = (value: Date | string): number => new Date(value).getTime();

/**
 * How the first-response promise stands at `now`; null when there is none to keep: no SLA (or not worked out
 * yet), the department has already answered, or the work is closed (responded, declined, referred, retired).
 */
export const slaState = (facts: SlaFacts, now: Date): SlaState | null => {
  if (!facts.dueAt || facts.firstResponseAt) return null;
  if (!(OPEN_STATUSES as readonly string[]).includes(facts.status)) return null;
  if (now.getTime() >= time(facts.dueAt)) return 'overdue';
  if (facts.dueSoonAt && now.getTime() >= time(facts.dueSoonAt)) return 'due-soon';
  return 'ok';
};
