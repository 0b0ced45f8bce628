import { describe, expect, it } from 'vitest';
import { activeElectionPeriod, isCalendarDate, isProactiveRoute, ukDate } from './election-periods';

const periods = [
  { name: 'Local elections 2027', from: '2027-03-25', to: '2027-05-06' },
  { name: 'By-election', from: '2027-04-20', to: '2027-05-20' },
];

describe('election periods', () => {
  it.each([
    ['2027-03-24T23:59:00Z', null],
    // Before 28 March 2027 the UK is on GMT, so midnight UTC is midnight in the UK.
    ['2027-03-25T00:00:00Z', 'Local elections 2027'],
    ['2027-04-21T12:00:00Z', 'By-election'],
    // In May the UK is on BST: 22:59 UTC is 23:59 on the last day, 23:00 UTC is the next day.
    ['2027-05-20T22:59:00Z', 'By-election'],
    ['2027-05-20T23:00:00Z', null],
  ])('at %s the period in force is %s', (at, name) => {
    expect(activeElectionPeriod(periods, new Date(at))?.name ?? null).toBe(name);
  });

  it('counts days in UK time: 23:30 UTC in summer is already the next day', () => {
    expect(ukDate(new Date('2027-05-06T23:30:00Z'))).toBe('2027-05-07');
    expect(ukDate(new Date('2027-01-06T23:30:00Z'))).toBe('2027-01-06');
  });

  it.each([
    ['2027-05-06', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['6 May 2027', false],
    ['2027-5-6', false],
  ])('%s is a calendar date: %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));

  it('marks public-information suggestions as proactive, not replies that point elsewhere', () => {
    expect(isProactiveRoute('public-info')).toBe(true);
    expect(isProactiveRoute('pointer')).toBe(false);
    expect(isProactiveRoute('press-office')).toBe(false);
  });
});
