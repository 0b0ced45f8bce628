import { londonDayStart, nextLondonDay } from '@parley/domain';

/**
 * A dashboard's filters, kept in the URL so a link reproduces the view. `period` is a preset counted back from
 * today in London, or `custom` with `from` and `to` as London days (inclusive). `objective` reads the tiles against
 * an objective; `theme` and `channel` narrow the posts behind a chart.
 */
export type DashboardParams = {
  department: string | null;
  period: Period;
  from: string;
  to: string;
  compare: 'previous' | 'none';
  objective: string;
  theme: string;
  channel: string;
};

export const PERIODS = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: 'custom', label: 'Choose dates', days: null },
] as const;
export type Period = (typeof PERIODS)[number]['value'];

export const CHANNELS = [
  { value: '', label: 'Every channel' },
  { value: 'mastodon', label: 'Mastodon' },
  { value: 'bluesky', label: 'Bluesky' },
  { value: 'rss', label: 'News and blogs' },
  { value: 'discourse', label: 'Forums' },
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT = /^[\w.-]{1,80}$/;

const choose = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export const parseDashboardParams = (
  search: URLSearchParams,
  departments: readonly string[],
): DashboardParams => {
  const department = search.get('department');
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  const text = (name: string) => {
    const value = search.get(name) ?? '';
    return TEXT.test(value) ? value : '';
  };
  const customDays = DAY.test(from) && DAY.test(to) && from <= to;
  const period = choose(
    search.get('period') ?? (customDays ? 'custom' : null),
    PERIODS.map((p) => p.value),
    '30d',
  );
  return {
    department: department && departments.includes(department) ? department : (departments[0] ?? null),
    // A custom period without two good days falls back to the default rather than asking for nothing.
    period: period === 'custom' && !customDays ? '30d' : period,
    from: customDays ? from : '',
    to: customDays ? to : '',
    compare: choose(search.get('compare'), ['previous', 'none'] as const, 'previous'),
    objective: text('objective'),
    theme: text('theme'),
    channel: choose(
      search.get('channel'),
      CHANNELS.map((c) => c.value),
      '',
    ),
  };
};

/** The query string of these filters, leaving out the defaults' empty values. */
export const dashboardSearch = (params: DashboardParams): URLSearchParams => {
  const search = new URLSearchParams();
  if (params.department) search.set('department', params.department);
  search.set('period', params.period);
  if (params.period === 'custom') {
    search.set('from', params.from);
    search.set('to', params.to);
  }
  search.set('compare', params.compare);
  for (const key of ['objective', 'theme', 'channel'] as const) {
    if (params[key]) search.set(key, params[key]);
  }
  return search;
};

/** The London midnight that begins a calendar day (noon UTC always falls on the same London date). */
const londonMidnight = (day: string): Date => londonDayStart(new Date(`${day}T12:00:00Z`));

const DAY_MS = 86_400_000;

/**
 * The window [from, to) the api is asked for, as UTC instants: whole London days, a preset ending with today.
 * Walking day by day keeps a 23- or 25-hour day (the clocks changing) a day.
 */
export const dashboardWindow = (
  params: Pick<DashboardParams, 'period' | 'from' | 'to'>,
  now: Date,
): { from: string; to: string } => {
  if (params.period === 'custom') {
    return {
      from: londonMidnight(params.from).toISOString(),
      to: nextLondonDay(londonMidnight(params.to)).toISOString(),
    };
  }
  const days = PERIODS.find((p) => p.value === params.period)?.days ?? 30;
  const to = nextLondonDay(londonDayStart(now));
  // Noon of the first day, read back to its London midnight.
  const from = londonDayStart(new Date(to.getTime() - days * DAY_MS + DAY_MS / 2));
  return { from: from.toISOString(), to: to.toISOString() };
};

/** The bucket a chart of this window reads: hours for a week, days up to three months, weeks beyond. */
export const bucketFor = (window: { from: string; to: string }): 'hour' | 'day' | 'week' => {
  const days = (Date.parse(window.to) - Date.parse(window.from)) / DAY_MS;
  if (days <= 2) return 'hour';
  return days <= 92 ? 'day' : 'week';
};
