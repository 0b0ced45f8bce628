import { currentLocale, i18n } from './i18n';

// Everyone using Parley works to UK time, whatever the browser's zone: show GMT/BST explicitly.
const LONDON = 'Europe/London';

/**
 * One formatter per locale and shape, made on first use: dates and numbers follow the language chosen in the
 * header (`cy-GB` writes "4 Tachwedd 2025 am 14:05 GMT"). Every date and number on screen goes through here.
 */
const perLocale = <F>(make: (locale: string) => F): (() => F) => {
  const made = new Map<string, F>();
  return () => {
    const locale = currentLocale();
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
};

const absolute = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: LONDON,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
);
const compact = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: LONDON,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
);
const relative = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const integer = perLocale((locale) => new Intl.NumberFormat(locale));

/** A formatter in the chosen locale for shapes this module does not name (a chart's axis, a percentage). */
export const numberFormat = (options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  new Intl.NumberFormat(currentLocale(), options);
export const dateTimeFormat = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(currentLocale(), { timeZone: LONDON, ...options });

const toDate = (value: string | Date): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `4 November 2025 at 14:05 GMT`; null for a missing or unparseable time. */
export const formatDateTime = (value: string | Date | null): string | null => {
  const date = value === null ? null : toDate(value);
  return date ? absolute().format(date) : null;
};

/** `4 Nov 2025, 14:05 GMT`, for table cells where the long form would crowd the columns. */
export const formatDateTimeCompact = (value: string | Date | null): string | null => {
  const date = value === null ? null : toDate(value);
  return date ? compact().format(date) : null;
};

const STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 86_400 },
  { unit: 'month', seconds: 30 * 86_400 },
  { unit: 'week', seconds: 7 * 86_400 },
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
];

/** `3 hours ago`, `yesterday`, `in 5 minutes`; anything under a minute either way is `just now`. */
export const formatRelative = (value: string | Date | null, now: Date = new Date()): string | null => {
  const date = value === null ? null : toDate(value);
  if (!date) return null;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const step = STEPS.find((s) => Math.abs(seconds) >= s.seconds);
  if (!step) return i18n.t('time.justNow');
  return relative().format(Math.trunc(seconds / step.seconds), step.unit);
};

const plural = (count: number, word: string) => `${integer().format(count)} ${word}${count === 1 ? '' : 's'}`;

/** A response time in words, at most two units: `2 hours 5 minutes`, `3 days 4 hours`, `45 seconds`. */
export const formatDuration = (totalSeconds: number): string => {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return plural(seconds, 'second');
  const units = [
    { word: 'day', size: 86_400 },
    { word: 'hour', size: 3_600 },
    { word: 'minute', size: 60 },
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const { word, size } of units) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || parts.length > 0) parts.push(plural(count, word));
  }
  return parts
    .slice(0, 2)
    .filter((part) => !part.startsWith('0 '))
    .join(' ');
};

export const formatCount = (value: number): string => integer().format(value);
