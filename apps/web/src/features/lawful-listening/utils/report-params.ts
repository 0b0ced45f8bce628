/** The report's period as the page keeps it in the URL: whole days, `to` included. */
export type ReportPeriod = { from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last 28 days up to today, unless the URL names a period. */
export const periodOf = (search: URLSearchParams, today = new Date()): ReportPeriod => {
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  return {
    from: DAY.test(from) ? from : isoDay(new Date(today.getTime() - 27 * DAY_MS)),
    to: DAY.test(to) ? to : isoDay(today),
  };
};

/** The api's half-open window: the `to` day is included, so it ends at the start of the next day. */
export const reportQuery = ({ from, to }: ReportPeriod, format: 'json' | 'csv' = 'json'): string => {
  const end = isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS));
  const query = new URLSearchParams({ from, to: end });
  if (format === 'csv') query.set('format', 'csv');
  return query.toString();
};

export const periodProblem = ({ from, to }: ReportPeriod): string | null =>
  to < from ? 'The “to” date must be the same as or after the “from” date' : null;
