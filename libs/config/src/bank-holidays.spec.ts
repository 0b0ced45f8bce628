import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from './bank-holidays';

describe('englandAndWalesBankHolidays (date-holidays, GB-ENG)', () => {
  const isHoliday = englandAndWalesBankHolidays();
  it.each([
    ['2026-12-25', true], // Christmas Day, a Friday
    ['2026-12-26', true], // Boxing Day, a Saturday…
    ['2026-12-28', true], // …and its substitute, the Monday
    ['2026-12-24', false], // Christmas Eve is a working day
    ['2026-04-03', true], // Good Friday
    ['2026-04-06', true], // Easter Monday
    ['2026-08-31', true], // Summer bank holiday (England and Wales, not Scotland's first Monday)
    ['2026-08-03', false],
    ['2027-12-27', true], // Christmas Day on a Saturday: substitute Monday
    ['2027-12-28', true], // Boxing Day on a Sunday: substitute Tuesday
    ['2026-03-17', false], // St Patrick's Day is Northern Ireland's
  ])('%s is a bank holiday: %s', (day, expected) => {
    expect(isHoliday(day)).toBe(expected);
  });
});
