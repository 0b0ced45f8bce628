import { Agent, request, type Dispatcher } from 'undici';
import { guardedLookup, refusalForLiteralHost } from './address-guard';
import { ACCEPT_ENCODING, decodeContent } from './content-decoding';
import { FetchError } from './fetch-error';
import { explainFailure, httpFailure } from './fetch-failure';
import { parseAllowlist, type FetchAllowlist } from './fetch-allowlist';
import { describeUrl } from './fetch-format';
import { startFetchTimers, type FetchTimers } from './fetch-timers';
import { checkDeclaredLength, readLimitedBody } from './response-body';

export type FetchOptions = {
  /** Hostnames, IPs or CIDR ranges that may be fetched even though private or local (PARLEY_FETCH_ALLOWLIST). */
  allowlist: string[];
  /** Largest body accepted, both as sent and once decompressed. Default 10 MiB. */
  maxBytes?: number;
  /** Limit for the whole fetch, redirects included. Default 20 s. */
  timeoutMs?: number;
  /** Longest silence allowed while waiting for headers or between body chunks. Default 10 s. */
  readTimeoutMs?: number;
  /** Extra request headers, e.g. If-None-Match / If-Modified-Since for a conditional GET. */
  headers?: Record<string, string>;
  /** Default 5. */
  maxRedirects?: number;
  /** Default GET. A POST (publishing) follows no redirect: the server must answer at the address it was given. */
  method?: 'GET' | 'POST';
  /** The request body, for a POST. */
  body?: string;
};

export type FetchResult = {
  status: number;
  /** The URL finally fetched, after redirects. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** True when the server answered 304 to a conditional GET; the body is then empty. */
  notModified: boolean;
};

type Settings = Required<Omit<FetchOptions, 'allowlist' | 'headers' | 'method' | 'body'>>;

// One fetch: its limits, its agent and timers, and the URL currently being fetched (it moves on each redirect).
type Run = {
  settings: Settings;
  allowlist: FetchAllowlist;
  agent: Agent;
  timers: FetchTimers;
  target: URL;
  method: 'GET' | 'POST';
  body: string | undefined;
};

const DEFAULTS: Settings = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  readTimeoutMs: 10_000,
  maxRedirects: 5,
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Dropped when a redirect leaves the origin, so a feed's credentials are not handed to another site.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const label = (url: URL | string, method = 'GET') => `${method} ${describeUrl(url)}`;

const settingsFrom = (options: FetchOptions): Settings => ({
  maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
  timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
  readTimeoutMs: options.readTimeoutMs ?? DEFAULTS.readTimeoutMs,
  maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
});

/** Parses and vets a URL before any connection: scheme, and the address when the host is an IP literal. */
const checkedTarget = (url: string, base: URL | undefined, allowlist: FetchAllowlist): URL => {
  const target = URL.parse(url, base?.href);
  if (!target) throw new FetchError('fetch_refused', `"${describeUrl(url)}" is not a valid URL`);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new FetchError(
      'fetch_refused',
      `${label(target)} refused: only http and https URLs can be fetched, not ${target.protocol}`,
    );
  const refusal = refusalForLiteralHost(allowlist, target.hostname);
  if (refusal) throw refusal;
  return target;
};

const requestHeaders = (headers: Record<string, string> = {}): Record<string, string> => {
  const lowered = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  // We decompress ourselves so the decoded size can be capped; the caller does not choose encodings.
  return { 'user-agent': 'Parley feed reader', ...lowered, 'accept-encoding': ACCEPT_ENCODING };
};

const withoutCredentials = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name)));

const flattenHeaders = (headers: Dispatcher.ResponseData['headers']): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );

const send = async (run: Run, headers: Record<string, string>): Promise<Dispatcher.ResponseData> => {
  const response = await request(run.target, {
    dispatcher: run.agent,
    method: run.method,
    headers,
    body: run.body,
    signal: run.timers.signal,
  });
  run.timers.touch();
  return response;
};

const finish = async (run: Run, response: Dispatcher.ResponseData): Promise<FetchResult> => {
  const headers = flattenHeaders(response.headers);
  const base = { status: response.statusCode, url: run.target.href, headers };
  if (response.statusCode === 304) {
    await response.body.dump();
    return { ...base, body: Buffer.alloc(0), notModified: true };
  }
  if (response.statusCode < 200 || response.statusCode > 299) {
    await response.body.dump();
    throw httpFailure(label(run.target, run.method), response.statusCode, headers['retry-after']);
  }
  const { maxBytes } = run.settings;
  checkDeclaredLength(headers['content-length'], maxBytes, label(run.target));
  const raw = await readLimitedBody(response.body, maxBytes, run.timers.touch, label(run.target));
  const body = await decodeContent(raw, headers['content-encoding'], maxBytes, label(run.target));
  return { ...base, body, notModified: false };
};

const redirectLocation = (run: Run, response: Dispatcher.ResponseData): string | null => {
  if (!REDIRECTS.has(response.statusCode)) return null;
  if (run.method !== 'GET') {
    const message = `${label(run.target, run.method)} answered a redirect (${response.statusCode}); check the address of the server`;
    throw new FetchError('fetch_failed', message, { status: response.statusCode });
  }
  const location = response.headers.location;
  const value = Array.isArray(location) ? location[0] : location;
  if (value) return value;
  const message = `${label(run.target)} answered ${response.statusCode} without a Location header`;
  throw new FetchError('fetch_failed', message, { status: response.statusCode });
};

/** Follows redirects by hand so every hop's URL and address go through the same checks as the first. */
const followRedirects = async (run: Run, initialHeaders: Record<string, string>): Promise<FetchResult> => {
  let headers = initialHeaders;
  for (let redirects = 0; redirects <= run.settings.maxRedirects; redirects += 1) {
    const response = await send(run, headers);
    const location = redirectLocation(run, response);
    if (location === null) return finish(run, response);
    await response.body.dump();
    const next = checkedTarget(location, run.target, run.allowlist);
    if (next.origin !== run.target.origin) headers = withoutCredentials(headers);
    run.target = next;
  }
  throw new FetchError(
    'fetch_failed',
    `${label(run.target)} redirected more than ${run.settings.maxRedirects} times; point the source at the final URL`,
  );
};

/**
 * GETs (or POSTs to) a URL on the open internet without letting it reach private, local or metadata addresses: every
 * address is checked when it is connected to (and IP-literal hosts before), unless allowlisted. Bodies are
 * capped in size (as sent and decompressed) and in time (overall, and silence between bytes).
 */
export const fetchUrl = async (url: string, options: FetchOptions): Promise<FetchResult> => {
  const settings = settingsFrom(options);
  const allowlist = parseAllowlist(options.allowlist);
  const target = checkedTarget(url, undefined, allowlist);
  const method = options.method ?? 'GET';
  const agent = new Agent({ connect: { lookup: guardedLookup(allowlist) } });
  const timers = startFetchTimers(label(target, method), settings.timeoutMs, settings.readTimeoutMs);
  const run: Run = { settings, allowlist, agent, timers, target, method, body: options.body };
  try {
    return await followRedirects(run, requestHeaders(options.headers));
  } catch (error) {
    throw explainFailure(error, timers.signal, label(run.target, method));
  } finally {
    timers.stop();
    await agent.destroy();
  }
};
