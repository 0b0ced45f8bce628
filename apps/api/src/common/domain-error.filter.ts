import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { isDomainError, type DomainErrorCode } from '@parley/domain';
import type { ErrorBody } from '@parley/contracts';
import type { Response } from 'express';
import { databaseRefusedInput, serverUnavailable } from './request-errors';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_required: 428,
  throttled: 429,
  unavailable: 503,
  fetch_refused: 400,
  fetch_failed: 502,
  parse_failed: 422,
};

/** One place that turns errors into `{code, message, problems?}` with the right status; internals never leak. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (isDomainError(error)) {
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        ...(error.problems.length ? { problems: error.problems } : {}),
        ...(error.currentVersion !== null ? { currentVersion: error.currentVersion } : {}),
      };
      if (error.retryAfterSeconds !== null)
        response.setHeader('retry-after', String(error.retryAfterSeconds));
      response.status(STATUS[error.code]).json(body);
      return;
    }
    const known = serverUnavailable(error);
    if (known) {
      // An outage is logged in one line, not with a stack per request.
      if (known.status >= 500) this.logger.warn(known.body.message);
      response.status(known.status).json(known.body);
      return;
    }
    const refused = databaseRefusedInput(error);
    if (refused) {
      // A contract let through what Postgres refuses: worth one line, so the gap can be closed.
      this.logger.warn({ message: 'the database refused a value in a request', error: String(error) });
      response.status(refused.status).json(refused.body);
      return;
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      response
        .status(status)
        .json({ code: status === 404 ? 'not_found' : 'http_error', message: error.message });
      return;
    }
    this.logger.error({
      message: 'unhandled error',
      error: error instanceof Error ? error.stack : String(error),
    });
    response
      .status(500)
      .json({ code: 'internal', message: 'Something went wrong on our side; it has been logged.' });
  }
}
