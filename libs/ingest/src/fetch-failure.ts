import { STATUS_CODES } from 'node:http';
import { isDomainError, type DomainError } from '@parley/domain';
import { FetchError } from './fetch-error';
import { parseRetryAfter } from './retry-after';

const STATUS_HINTS: Record<number, string> = {
  401: 'the feed needs credentials Parley does not have',
  403: 'the server refuses access to Parley',
  404: 'check the source URL',
  410: 'the feed has been removed; disable the source',
  429: 'Parley is polling too often; it will retry later',
};

const hintFor = (status: number): string =>
  STATUS_HINTS[status] ??
  (status >= 500 ? 'the server has a problem; Parley will retry later' : 'check the source URL');

/** A non-2xx answer, with the server's Retry-After kept for 429 and 503 so the caller can back off as asked. */
export const httpFailure = (label: string, status: number, retryAfter: string | undefined): FetchError => {
  const retryAfterMs =
    status === 429 || status === 503 ? (parseRetryAfter(retryAfter) ?? undefined) : undefined;
  const reason = `${status} ${STATUS_CODES[status] ?? 'Unknown Status'}`;
  return new FetchError('fetch_failed', `${label} answered ${reason}; ${hintFor(status)}`, {
    status,
    retryAfterMs,
  });
};

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused; check the host and port',
  ECONNRESET: 'the server reset the connection; try again later',
  ENOTFOUND: 'the host name does not resolve; check the source URL',
  EAI_AGAIN: 'DNS lookup failed temporarily; try again later',
  ETIMEDOUT: 'connecting timed out; try again later',
  EHOSTUNREACH: 'the host is unreachable; try again later',
  UND_ERR_CONNECT_TIMEOUT: 'connecting timed out; try again later',
  UND_ERR_SOCKET: 'the server closed the connection early; try again later',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time; try again later',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending data; try again later',
};

const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined && chain.length < 5; current = (current as Error).cause) {
    chain.push(current);
    if (!(current instanceof Error)) break;
  }
  return chain;
};

const codeOf = (error: unknown): string | undefined =>
  causes(error)
    .map((entry) => (entry instanceof Error && 'code' in entry ? entry.code : undefined))
    .find((code): code is string => typeof code === 'string');

const networkReason = (code: string | undefined, error: unknown): string => {
  if (code && NETWORK_REASONS[code]) return `${NETWORK_REASONS[code]} (${code})`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED|VERIFY/.test(code))
    return `the TLS certificate is not acceptable (${code})`;
  return code ?? (error instanceof Error ? error.message : String(error));
};

/**
 * Turns whatever a fetch threw into one DomainError: the abort reason when a timer fired, our own refusal when
 * the guarded lookup raised it (undici may wrap it), otherwise a network failure described for a person.
 */
export const explainFailure = (error: unknown, signal: AbortSignal, label: string): DomainError => {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  const own = causes(error).find(isDomainError);
  if (own) return own;
  return new FetchError('fetch_failed', `${label} failed: ${networkReason(codeOf(error), error)}`);
};
