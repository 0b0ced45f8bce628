import type { ElectionPeriodView } from '@parley/contracts';

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A YYYY-MM-DD date as people write it: "6 May 2027" (read as UTC, so no time zone moves the day). */
export const longDate = (date: string): string => LONG_DATE.format(new Date(`${date}T00:00:00Z`));

/** The banner's words, as the issue puts them. */
export const electionPeriodBannerText = (period: ElectionPeriodView): string =>
  `Election period: ${period.name} until ${longDate(period.to)}. Proactive posts need a manager’s approval.`;
