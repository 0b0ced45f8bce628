import type { ErrorBody } from '@parley/contracts';
import { isRedisUnavailable } from '@parley/jobs';
import type { ErrorRequestHandler } from 'express';

export const BODY_LIMIT_MB = 5;

/** How the api answers an error that is not a DomainError and not a fault in the api either. */
export type KnownFailure = { status: number; body: ErrorBody };

type Coded = { code?: unknown; type?: unknown; body?: unknown; message?: unknown; driverError?: unknown };

/** Postgres refusing or dropping connections (class 08, shutdown, too many clients), or none to be had. */
const DATABASE_DOWN_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
]);
const DATABASE_DOWN_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'not currently accepting connections',
  'does not allow connections',
];

const isDatabaseDown = (error: Coded): boolean => {
  const cause = (error.driverError ?? error) as Coded;
  const code = typeof cause.code === 'string' ? cause.code : '';
  const message = typeof cause.message === 'string' ? cause.message : '';
  return (
    DATABASE_DOWN_CODES.has(code) ||
    code.startsWith('08') ||
    DATABASE_DOWN_MESSAGES.some((m) => message.includes(m))
  );
};

/** express.json's errors: `type` says which; the raw text is on `body`. */
const bodyParserFailure = (error: Coded): KnownFailure | null => {
  if (error.type === 'entity.too.large') {
    return {
      status: 413,
      body: { code: 'too_large', message: `The request body is larger than the ${BODY_LIMIT_MB} MB limit.` },
    };
  }
  if (error.type === 'entity.parse.failed') {
    const text = typeof error.body === 'string' ? error.body.trimStart() : '';
    const message =
      text && !text.startsWith('{') && !text.startsWith('[')
        ? 'The request body must be a JSON object, such as {"name": "…"}.'
        : 'The request body is not valid JSON; check its brackets, quotes and commas.';
    return { status: 400, body: { code: 'invalid', message } };
  }
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return { status: 415, body: { code: 'invalid', message: 'Send the request body as UTF-8 JSON.' } };
  }
  return null;
};

/**
 * Answers express.json's errors itself, placed right after it: Nest would turn them into a 500 (too large) or
 * a bare JSON.parse message (`Unexpected token 'n', "null" is not valid JSON`).
 */
export const bodyParserErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const failure = typeof error === 'object' && error !== null ? bodyParserFailure(error as Coded) : null;
  if (!failure) return next(error);
  res.status(failure.status).json(failure.body);
};

const unavailable = (message: string): KnownFailure => ({
  status: 503,
  body: { code: 'unavailable', message },
});

/** A 503 for an error that means Postgres or Redis is not answering, or null. */
export const serverUnavailable = (error: unknown): KnownFailure | null => {
  if (typeof error !== 'object' || error === null) return null;
  if (isRedisUnavailable(error))
    return unavailable('Redis (the queues) is not answering; try again in a minute.');
  if (isDatabaseDown(error as Coded))
    return unavailable('The database is not answering; try again in a minute.');
  return null;
};
