import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '@parley/contracts';

/** The alerts page's filters, kept in the URL so a link (the header badge's, say) reproduces the view. */
export type AlertParams = {
  /** '' for every department the person may see. */
  department: string;
  status: AlertStatus | '';
  kind: AlertKind | '';
  period: AlertPeriod;
};

export const ALERT_PERIODS = [
  { value: '24h', label: 'Last 24 hours', hours: 24 },
  { value: '7d', label: 'Last 7 days', hours: 7 * 24 },
  { value: '30d', label: 'Last 30 days', hours: 30 * 24 },
  { value: 'all', label: 'Any time', hours: null },
] as const;
export type AlertPeriod = (typeof ALERT_PERIODS)[number]['value'];

const choose = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export const parseAlertParams = (search: URLSearchParams, departments: readonly string[]): AlertParams => ({
  department: choose(search.get('department'), departments, ''),
  status: choose(search.get('status'), ALERT_STATUSES, ''),
  kind: choose(search.get('kind'), ALERT_KINDS, ''),
  period: choose(
    search.get('period'),
    ALERT_PERIODS.map((p) => p.value),
    '30d',
  ),
});

/** The period as the end of a sentence: "No alerts in the last 7 days", "No alerts yet". */
export const periodWords = (period: AlertPeriod): string =>
  period === 'all' ? 'yet' : `in the ${ALERT_PERIODS.find((p) => p.value === period)?.label.toLowerCase()}`;

/** The query string of these filters, leaving out the ones that mean "any". */
export const alertSearch = (params: AlertParams): URLSearchParams => {
  const search = new URLSearchParams();
  if (params.department) search.set('department', params.department);
  if (params.status) search.set('status', params.status);
  if (params.kind) search.set('kind', params.kind);
  search.set('period', params.period);
  return search;
};

/** What the api is asked for: `from` counted back from now for a preset; nothing for "any time". */
export const alertQuery = (params: AlertParams, now: Date) => {
  const hours = ALERT_PERIODS.find((p) => p.value === params.period)?.hours ?? null;
  return {
    department: params.department || undefined,
    status: params.status || undefined,
    kind: params.kind || undefined,
    // Whole minutes, so the query key (and the cache) does not change on every render.
    from:
      hours === null
        ? undefined
        : new Date(Math.floor(now.getTime() / 60_000) * 60_000 - hours * 3_600_000).toISOString(),
  };
};
