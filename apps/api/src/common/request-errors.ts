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

/** The Postgres error code of a driver error or of TypeORM's wrapper around one ('' when there is none). */
const sqlStateOf = (error: Coded): string => {
  const cause = (error.driverError ?? error) as Coded;
  return typeof cause.code === 'string' ? cause.code : '';
};

const isDatabaseDown = (error: Coded): boolean => {
  const cause = (error.driverError ?? error) as Coded;
  const code = sqlStateOf(error);
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

/**
 * Postgres refusing a value the contracts let through: the request is at fault, not the api. The contracts
 * check every field first; this is the safety net, so a gap answers 400 rather than 500.
 */
const UNSTORABLE_CHARACTER =
  'The request contains a character that cannot be stored (such as a NUL byte); remove it and try again.';
const REFUSED_INPUT: Record<string, string> = {
  '22P05': UNSTORABLE_CHARACTER,
  '22021': UNSTORABLE_CHARACTER,
  // jsonb's answer to an unpaired surrogate (and any other value it cannot read).
  '22P02':
    'The request contains a value that cannot be stored (such as a broken character); check it and try again.',
  '22003': 'A number in the request is too large to be stored; use a smaller one.',
  '22001': 'A value in the request is too long to be stored; shorten it.',
};

/** A 400 for an error that means Postgres refused a value in the request, or null. */
export const databaseRefusedInput = (error: unknown): KnownFailure | null => {
  const message =
    typeof error === 'object' && error !== null ? REFUSED_INPUT[sqlStateOf(error as Coded)] : undefined;
  return message ? { status: 400, body: { code: 'invalid', message } } : null;
};
