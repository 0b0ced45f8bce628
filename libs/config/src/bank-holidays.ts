import Holidays from 'date-holidays';
import type { HolidayCalendar } from '@parley/domain';

/** Injection token of the bank holiday calendar the SLA sweep counts working hours with. */
export const BANK_HOLIDAYS = Symbol('BANK_HOLIDAYS');

/**
 * Bank holidays in England and Wales (substitute days included), from the date-holidays library, which follows
 * GOV.UK's list. Only public holidays close the office: its "observance" days (Mother's Day, Christmas Eve) do not.
 * Years are worked out once each and kept.
 */
export const englandAndWalesBankHolidays = (): HolidayCalendar => {
  const calendar = new Holidays('GB', 'ENG');
  const years = new Map<number, Set<string>>();
  const daysOf = (year: number): Set<string> => {
    let days = years.get(year);
    if (!days) {
      days = new Set(
        (calendar.getHolidays(year) || [])
          .filter((h) => h.type === 'public' || h.type === 'bank')
          .map((h) => h.date.slice(0, 10)),
      );
      years.set(year, days);
    }
    return days;
  };
  return (londonDate) => daysOf(Number(londonDate.slice(0, 4))).has(londonDate);
};
