import { isApiError } from '../../../lib/api-client';

/** What every dashboard request is about: a department, a window [from, to) in UTC and the comparison. */
export type DashboardScope = { department: string; from: string; to: string; compare: 'previous' | 'none' };

/**
 * A 404 for a department the person may read means the figure is not served (yet): the page says "No data yet"
 * for it rather than an error, and does not retry.
 */
export const notServed = (error: unknown): boolean => isApiError(error) && error.status === 404;

export const retryUnlessNotServed = (failures: number, error: unknown): boolean =>
  !notServed(error) && failures < 2;
