import { DomainError } from '@parley/domain';
import type { z } from 'zod';

/** Checks an API answer's outer shape; a mismatch means the URL points at something else, so the poll stops. */
export const expectShape = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
  throw new DomainError(
    'parse_failed',
    `the answer is not ${what} (unexpected shape at ${where}); check the source URL`,
  );
};

/**
 * Parses list items one by one so one odd item (a new field type, a deleted author) is skipped with a note
 * instead of losing the whole page.
 */
export const parseEach = <T>(
  schema: z.ZodType<T>,
  items: readonly unknown[],
  what: string,
): { items: T[]; notes: string[] } => {
  const valid: T[] = [];
  let skipped = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else skipped += 1;
  }
  const notes = skipped > 0 ? [`${skipped} ${what} had an unexpected shape and were skipped`] : [];
  return { items: valid, notes };
};

/** A date from an API, or null when it is missing or not a date, so a bad value never becomes "Invalid Date". */
export const parseDate = (value: string | number | null | undefined): Date | null => {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** An http(s) link from an API, or null: a remote server's value must not plant javascript: links. */
export const webLink = (value: string | null | undefined): string | null => {
  const url = value ? URL.parse(value) : null;
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
};

/** A cursor of epoch seconds; anything unreadable counts as a first poll rather than failing every poll. */
export const readSecondsCursor = (cursor: string | null): number | null => {
  const seconds = cursor === null ? NaN : Number(cursor);
  return Number.isFinite(seconds) ? seconds : null;
};

/** The newest of `times` and the previous cursor, as the cursor to store. */
export const secondsCursorAfter = (times: readonly number[], previous: number | null): string | null => {
  const newest = times.reduce<number | null>((max, time) => Math.max(max ?? time, time), previous);
  return newest === null ? null : String(newest);
};
