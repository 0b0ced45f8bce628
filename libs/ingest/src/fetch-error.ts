import { DomainError, type DomainErrorCode } from '@parley/domain';

type FetchErrorCode = Extract<DomainErrorCode, 'fetch_refused' | 'fetch_failed'>;

/**
 * A fetch that was refused or failed. `status` is set when the server answered; `retryAfterMs` when it
 * answered 429 or 503 with a usable Retry-After, so a worker can back off as asked instead of guessing.
 */
export class FetchError extends DomainError {
  constructor(
    code: FetchErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number } = {},
  ) {
    super(code, message);
    this.name = 'FetchError';
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}

export const isFetchError = (error: unknown): error is FetchError => error instanceof FetchError;
