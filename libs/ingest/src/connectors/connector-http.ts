import { DomainError } from '@parley/domain';
import { describeUrl } from '../fetch-format';
import { fetchUrl } from '../safe-fetch';
import type { PollContext } from './connector';

const JSON_ACCEPT = 'application/json';

/** GETs a JSON API through the SSRF-guarded fetcher; a body that is not JSON is a parse_failed error. */
export const fetchJson = async (
  url: string,
  ctx: PollContext,
  headers: Record<string, string> = {},
): Promise<unknown> => {
  const response = await fetchUrl(url, {
    allowlist: ctx.allowlist,
    headers: { accept: JSON_ACCEPT, ...headers },
  });
  try {
    return JSON.parse(response.body.toString('utf8')) as unknown;
  } catch {
    throw new DomainError(
      'parse_failed',
      `GET ${describeUrl(response.url)} did not answer JSON; check that the source URL points at the API`,
    );
  }
};

/** A string setting from a source's config, or null when absent or blank. */
export const configString = (config: Record<string, unknown>, key: string): string | null => {
  const value = config[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** Parses a source URL, turning a typo into an error a person can fix. */
export const parseSourceUrl = (url: string, example: string): URL => {
  const parsed = URL.parse(url);
  if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return parsed;
  throw new DomainError('invalid', `"${url}" is not a usable source URL; expected something like ${example}`);
};
