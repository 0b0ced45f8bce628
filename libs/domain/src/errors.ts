export type DomainErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_required'
  | 'throttled'
  | 'unavailable'
  | 'fetch_refused'
  | 'fetch_failed'
  | 'parse_failed';

/** What is wrong and where: `position` is a 0-based character offset into the value at `path` (a query). */
export type Problem = { path: string; message: string; position?: number };

/**
 * An error a person can act on; the api maps `code` to an HTTP status, workers to retry or give up.
 * `retryAfterSeconds` says when trying again can succeed (sent as `Retry-After`). `currentVersion`, on a conflict
 * with a change made from an older version, is the version now stored, so a client can catch up without a reload.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: Problem[] = [],
    readonly retryAfterSeconds: number | null = null,
    readonly currentVersion: number | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
