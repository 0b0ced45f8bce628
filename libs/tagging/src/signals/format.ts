const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "3 h", "5 days": coarse on purpose, people read these in a list of signals. Never "0 min". */
export const formatSpan = (ms: number): string => {
  const span = Math.max(0, ms);
  if (span < MINUTE / 2) return 'under a minute';
  if (span < HOUR) return `${Math.round(span / MINUTE)} min`;
  if (span < 2 * DAY) return `${Math.round(span / HOUR)} h`;
  return `${Math.round(span / DAY)} days`;
};

/** Thousands separated by commas, done by hand so output never depends on the runtime's ICU data. */
export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A link as people say it: no scheme, no "www.", no trailing slash. */
export const shortUrl = (url: string): string =>
  url
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');

export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / HOUR;
