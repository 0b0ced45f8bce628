import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';
import { guardedLookup, refusalForLiteralHost } from './address-guard';
import { FetchError } from './fetch-error';
import { explainFailure } from './fetch-failure';
import { parseAllowlist } from './fetch-allowlist';

export type PostOptions = {
  /** As for fetchUrl: private or local addresses that may be reached (PARLEY_FETCH_ALLOWLIST). */
  allowlist: string[];
  headers: Record<string, string>;
  /** Limit for the whole request. Default 10 s. */
  timeoutMs?: number;
};

/** How many bytes of a refusal's body are kept to explain it (Slack says "invalid_token", Teams a sentence). */
const KEPT_BODY = 300;

/**
 * Where a webhook posts, for messages: scheme and host only, since the path of a Slack or Teams webhook URL is
 * itself the credential.
 */
export const describeTarget = (url: string): string => {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.protocol}//${parsed.host}` : 'an invalid URL';
};

/** Vets a webhook URL before storing it: http(s) only, and not a private address unless allowlisted. */
export const checkPostTarget = (url: string, allowlist: string[]): URL => {
  const target = URL.parse(url);
  if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:'))
    throw new FetchError('fetch_refused', 'a webhook URL must be an http:// or https:// address');
  const refusal = refusalForLiteralHost(parseAllowlist(allowlist), target.hostname);
  if (refusal) throw refusal;
  return target;
};

/**
 * POSTs a body to a URL through the same address guard as fetchUrl: every resolved address is checked when it is
 * connected to, so a webhook cannot be pointed at the metadata service or the database. Redirects are not followed
 * (a receiver that moved answers 3xx, which is a failure to fix, not to follow). Returns the status on 2xx and
 * throws a FetchError with the status otherwise.
 */
export const postUrl = async (
  url: string,
  body: string,
  options: PostOptions,
): Promise<{ status: number }> => {
  const allowlist = parseAllowlist(options.allowlist);
  const target = checkPostTarget(url, options.allowlist);
  const label = `POST ${describeTarget(url)}`;
  const agent = new Agent({ connect: { lookup: guardedLookup(allowlist) } });
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  try {
    const response = await request(target, {
      dispatcher: agent,
      method: 'POST',
      headers: options.headers,
      body,
      signal,
    });
    const text = (await response.body.text().catch(() => '')).slice(0, KEPT_BODY).trim();
    if (response.statusCode >= 200 && response.statusCode < 300) return { status: response.statusCode };
    const reason = `${response.statusCode} ${STATUS_CODES[response.statusCode] ?? 'Unknown Status'}`;
    throw new FetchError('fetch_failed', `${label} answered ${reason}${text ? `: ${text}` : ''}`, {
      status: response.statusCode,
    });
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError('fetch_failed', `${label} did not answer within the time limit`);
    throw explainFailure(error, signal, label);
  } finally {
    await agent.destroy();
  }
};
