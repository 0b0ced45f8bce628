import { describe, expect, it } from 'vitest';
import { electionPeriodBannerText, longDate } from './election-period-text';

describe('election period words', () => {
  it('says the period, its last day and what it means', () => {
    expect(
      electionPeriodBannerText({ name: 'Local elections 2027', from: '2027-03-25', to: '2027-05-06' }),
    ).toBe(
      'Election period: Local elections 2027 until 6 May 2027. Proactive posts need a manager’s approval.',
    );
  });

  it.each([
    ['2027-01-01', '1 January 2027'],
    ['2027-12-31', '31 December 2027'],
  ])('writes %s as %s whatever the time zone', (date, words) => expect(longDate(date)).toBe(words));
});
