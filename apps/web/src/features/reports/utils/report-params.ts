import type { ReportLevel } from '@parley/contracts';

/**
 * The impact report's filters, kept in the URL so a link reproduces the report: `department`, `from` and `to`
 * (days, both included, as people choose a period) and `level`. The api's window ends before `to`, so the day
 * after the last one is what it is sent.
 */
export type ReportParams = { department: string; from: string; to: string; level: ReportLevel };

export const LEVELS: { value: ReportLevel; label: string; hint: string }[] = [
  {
    value: 'overview',
    label: 'Overview',
    hint: 'One page: what we heard, did and changed, and what did not work',
  },
  { value: 'snapshot', label: 'Snapshot', hint: 'Each objective against its baseline and target' },
  { value: 'full', label: 'Full story', hint: 'Method, every metric and cases that worked and did not' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The day after `day` (a calendar day, so no time zone is involved). */
export const dayAfter = (day: string): string => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));

/** Missing or malformed values fall back to the last 30 days of the first department the person may read. */
export const parseReportParams = (
  search: URLSearchParams,
  departments: readonly string[],
  today: Date,
): ReportParams => {
  const department = search.get('department') ?? '';
  const level = search.get('level') ?? '';
  const day = (name: string, fallback: string) => {
    const value = search.get(name) ?? '';
    return DAY.test(value) ? value : fallback;
  };
  return {
    department: departments.includes(department) ? department : (departments[0] ?? ''),
    from: day('from', dayOf(new Date(today.getTime() - 30 * DAY_MS))),
    to: day('to', dayOf(new Date(today.getTime() - DAY_MS))),
    level: LEVELS.some((l) => l.value === level) ? (level as ReportLevel) : 'overview',
  };
};

export const reportSearch = (params: ReportParams): URLSearchParams => new URLSearchParams(params);

/** What the api is asked: the same filters, with the window's end the day after the last day. */
export const reportQuery = (params: ReportParams) => ({ ...params, to: dayAfter(params.to) });

/** A download of exactly the report on screen. */
export const reportHref = (params: ReportParams, format: 'csv' | 'pdf'): string =>
  `/api/reports/impact?${new URLSearchParams({ ...reportQuery(params), format }).toString()}`;

export const reportParamsProblem = (params: Pick<ReportParams, 'from' | 'to'>): string | null =>
  params.to < params.from ? 'The “to” date must be the same as or after the “from” date' : null;
