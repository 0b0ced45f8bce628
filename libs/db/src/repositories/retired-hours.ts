import type { Queryable } from '../queryable';

/**
 * The hours of `hours` that hold no retired post. A retired post's text and author are gone, so recounting its hour
 * from the posts would count it differently: every roll-up leaves such an hour as it was last counted (see the
 * retention migration), and the figures it holds survive the posts behind them.
 */
export const withoutRetiredHours = async (q: Queryable, hours: Date[]): Promise<Date[]> => {
  if (hours.length === 0) return hours;
  const rows: { hour: Date }[] = await q.query(
    `SELECT h.hour FROM unnest($1::timestamptz[]) AS h(hour)
     WHERE NOT EXISTS (SELECT 1 FROM retired_hour r WHERE r.hour = h.hour)`,
    [hours],
  );
  return rows.map((r) => r.hour);
};
