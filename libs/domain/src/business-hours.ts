/**
 * Working time in the UK civil service sense: 09:00–17:30 Europe/London, Monday to Friday, except bank holidays
 * (England and Wales). The holidays are given by the caller (a holiday library on the server), so this stays pure.
 * `isHoliday` takes a London calendar date, `YYYY-MM-DD`.
 */
export type HolidayCalendar = (londonDate: string) => boolean;

export const BUSINESS_DAY = { opens: { hour: 9, minute: 0 }, closes: { hour: 17, minute: 30 } } as const;

/** Longer than any SLA could need: a bound, so a calendar that said every day is a holiday cannot loop forever. */
const MAX_DAYS = 3_700;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

type LondonParts = { year: number; month: number; day: number; weekday: string; offsetMs: number };

const HOUR_MS = 3_600_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** London's offset from UTC in each UTC hour already asked about: the clocks change on the hour (01:00 UTC), so an
 * hour has one offset, and asking Intl once an hour instead of once an instant makes a metric over thousands of
 * waits cheap. */
const offsets = new Map<number, number>();

const londonOffsetMs = (at: Date): number => {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const probe = new Date(hour * HOUR_MS);
    const parts = Object.fromEntries(LONDON.formatToParts(probe).map((p) => [p.type, p.value]));
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    offset = wall - probe.getTime();
    offsets.set(hour, offset);
  }
  return offset;
};

/** The London wall-clock date of an instant, and London's offset from UTC then (0 in winter, 1 h in summer). */
const londonParts = (at: Date): LondonParts => {
  const offsetMs = londonOffsetMs(at);
  const wall = new Date(at.getTime() + offsetMs);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: WEEKDAYS[wall.getUTCDay()],
    offsetMs,
  };
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant London's clock shows `hour:minute` on this calendar day. Clocks change at 01:00–02:00 UTC, never
 * near opening or closing, so the offset at noon of the day is the offset at either. */
const londonTime = (year: number, month: number, day: number, hour: number, minute: number): Date => {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const { offsetMs } = londonParts(new Date(Date.UTC(year, month - 1, day, 12)));
  return new Date(wall - offsetMs);
};

type WorkingDay = { opens: Date; closes: Date } | null;

/** Working days already worked out, per calendar: a metric sums the working time of thousands of waits over the
 * same few hundred days, and each day costs two time-zone conversions. */
const workingDays = new WeakMap<HolidayCalendar, Map<number, WorkingDay>>();

const workingDayOf = (year: number, month: number, day: number, isHoliday: HolidayCalendar): WorkingDay => {
  let days = workingDays.get(isHoliday);
  if (!days) workingDays.set(isHoliday, (days = new Map()));
  const key = Date.UTC(year, month - 1, day);
  if (!days.has(key)) days.set(key, workingDayOfUncached(year, month, day, isHoliday));
  return days.get(key) as WorkingDay;
};

const workingDayOfUncached = (
  year: number,
  month: number,
  day: number,
  isHoliday: HolidayCalendar,
): WorkingDay => {
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const { weekday } = londonParts(noon);
  if (weekday === 'Sat' || weekday === 'Sun' || isHoliday(`${year}-${pad(month)}-${pad(day)}`)) return null;
  const { opens, closes } = BUSINESS_DAY;
  return {
    opens: londonTime(year, month, day, opens.hour, opens.minute),
    closes: londonTime(year, month, day, closes.hour, closes.minute),
  };
};

/** The London calendar days from the one `start` falls on, one after another. */
function* londonDaysFrom(start: Date): Generator<[number, number, number]> {
  const { year, month, day } = londonParts(start);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = new Date(Date.UTC(year, month - 1, day + i));
    yield [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  }
}

/**
 * The instant when `durationMs` of working time has passed since `start`: time outside working hours does not
 * count, so a post at 16:00 on a Friday with 4 hours to answer is due at 11:30 on Monday.
 */
export const addBusinessTime = (start: Date, durationMs: number, isHoliday: HolidayCalendar): Date => {
  let left = durationMs;
  for (const [year, month, day] of londonDaysFrom(start)) {
    const working = workingDayOf(year, month, day, isHoliday);
    if (!working) continue;
    const from = Math.max(start.getTime(), working.opens.getTime());
    const available = working.closes.getTime() - from;
    if (available <= 0) continue;
    if (left <= available) return new Date(from + left);
    left -= available;
  }
  throw new Error(`no working time found within ${MAX_DAYS} days of ${start.toISOString()}`);
};

/**
 * How much working time lies between two instants (0 when `end` is not after `start`): the inverse of
 * addBusinessTime, so an inbound post at 17:00 on a Friday answered at 09:30 on Monday waited 60 working minutes.
 */
export const businessTimeBetween = (start: Date, end: Date, isHoliday: HolidayCalendar): number => {
  let total = 0;
  for (const [year, month, day] of londonDaysFrom(start)) {
    const working = workingDayOf(year, month, day, isHoliday);
    if (!working) continue;
    if (working.opens.getTime() >= end.getTime()) break;
    const from = Math.max(start.getTime(), working.opens.getTime());
    const to = Math.min(end.getTime(), working.closes.getTime());
    if (to > from) total += to - from;
  }
  return total;
};
