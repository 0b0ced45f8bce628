import { currentLocale, i18n } from './i18n';

// Everyone using Parley works to UK time, whatever the browser's zone: show GMT/BST explicitly.
const LONDON = 'Europe/London';

/**
 * Chromium ships Intl data only for its own interface languages, and Welsh is not one of them: asked for `cy-GB`
 * it answers in American English. There the British shapes are used with the catalogue's month names and words.
 */
const intlKnows = (locale: string): boolean => Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
const shapeLocale = (locale: string) => (intlKnows(locale) ? locale : 'en-GB');

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
    new Intl.DateTimeFormat(shapeLocale(locale), {
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
    new Intl.DateTimeFormat(shapeLocale(locale), {
      timeZone: LONDON,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }),
);
const relative = perLocale((locale) =>
  intlKnows(locale) ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }) : null,
);
const integer = perLocale((locale) => new Intl.NumberFormat(shapeLocale(locale)));
const londonMonth = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, month: 'numeric' });

/** A date in the British shape, its month and joining words taken from the catalogue (see `intlKnows`). */
const inCatalogueWords = (formatter: Intl.DateTimeFormat, date: Date, months: 'months' | 'monthsShort') => {
  if (intlKnows(currentLocale())) return formatter.format(date);
  const month = i18n.t(`time.${months}`).split(',')[Number(londonMonth.format(date)) - 1];
  return formatter
    .formatToParts(date)
    .map((part) =>
      part.type === 'month'
        ? month
        : part.type === 'literal' && part.value === ' at '
          ? i18n.t('time.at')
          : part.value,
    )
    .join('');
};

const toDate = (value: string | Date): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `4 November 2025 at 14:05 GMT`; null for a missing or unparseable time. */
export const formatDateTime = (value: string | Date | null): string | null => {
  const date = value === null ? null : toDate(value);
  return date ? inCatalogueWords(absolute(), date, 'months') : null;
};

/** `4 Nov 2025, 14:05 GMT`, for table cells where the long form would crowd the columns. */
export const formatDateTimeCompact = (value: string | Date | null): string | null => {
  const date = value === null ? null : toDate(value);
  return date ? inCatalogueWords(compact(), date, 'monthsShort') : null;
};

const STEPS: { unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute'; seconds: number }[] = [
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
  const count = Math.trunc(seconds / step.seconds);
  const speaks = relative();
  if (speaks) return speaks.format(count, step.unit);
  const amount = i18n.t(`time.units.${step.unit}`, { count: Math.abs(count) });
  return count < 0 ? i18n.t('time.past', { amount }) : i18n.t('time.future', { amount });
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
