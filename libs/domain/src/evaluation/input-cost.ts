import type { Window } from '../metrics/conventions';

/** A cost record: the staff hours and rate spent over a period, and the tool's cost for that period (pounds). */
export type CostRecord = { from: Date; to: Date; staffHours: number; hourlyRate: number; toolCost: number };

/** A record's whole cost: staff hours × hourly rate + the tool cost apportioned to its period. */
export const recordCost = ({ staffHours, hourlyRate, toolCost }: CostRecord): number =>
  staffHours * hourlyRate + toolCost;

/**
 * The part of a record's cost that falls in `window`, in proportion to the time they share: a quarter's costs
 * read over one month of it count a third (by milliseconds, so months of different lengths weigh as they are).
 */
export const costInWindow = (record: CostRecord, window: Window): number => {
  const length = record.to.getTime() - record.from.getTime();
  const shared =
    Math.min(record.to.getTime(), window.to.getTime()) -
    Math.max(record.from.getTime(), window.from.getTime());
  if (length <= 0 || shared <= 0) return 0;
  return recordCost(record) * (shared / length);
};

/** Pounds in whole pence, so sums of apportioned shares do not show floating-point dust. */
export const toPence = (pounds: number): number => Math.round(pounds * 100) / 100;
