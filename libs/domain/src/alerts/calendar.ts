import type { HolidayCalendar } from '../business-hours';

const HOUR_MS = 3_600_000;

/**
 * What kind of day an hour falls on in London: a working day, or a rest day (Saturday, Sunday or a bank holiday).
 * A baseline compares like with like: a Monday morning against working-day hours, not against the quiet weekend
 * before it, and a bank holiday against weekends.
 */
export type DayKind = 'working' | 'rest';

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
});

/** Kinds already worked out, per calendar and UTC hour: a year of hours is 8,760 entries, and Intl is the cost. */
const kinds = new WeakMap<HolidayCalendar, Map<number, DayKind>>();

export const dayKindOf = (hour: Date, isHoliday: HolidayCalendar): DayKind => {
  let cache = kinds.get(isHoliday);
  if (!cache) {
    cache = new Map();
    kinds.set(isHoliday, cache);
  }
  const key = Math.floor(hour.getTime() / HOUR_MS);
  let kind = cache.get(key);
  if (kind === undefined) {
    const parts = Object.fromEntries(
      LONDON_DAY.formatToParts(new Date(key * HOUR_MS)).map((p) => [p.type, p.value]),
    );
    const weekend = parts.weekday === 'Sat' || parts.weekday === 'Sun';
    kind = weekend || isHoliday(`${parts.year}-${parts.month}-${parts.day}`) ? 'rest' : 'working';
    cache.set(key, kind);
  }
  return kind;
};

/** An event the department said to expect (an announcement, a statistics release…), with its window. */
export type ExpectedEvent = { name: string; kind: string; from: Date; to: Date };

/** The first expected event whose window overlaps [from, to), or null. */
export const expectedEventIn = (
  events: readonly ExpectedEvent[],
  from: Date,
  to: Date,
): ExpectedEvent | null =>
  events.find((e) => e.from.getTime() < to.getTime() && e.to.getTime() > from.getTime()) ?? null;
