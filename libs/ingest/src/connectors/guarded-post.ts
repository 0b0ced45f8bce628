import { Agent, request } from 'undici';
import { guardedLookup, refusalForLiteralHost } from '../address-guard';
import { parseAllowlist } from '../fetch-allowlist';
import { FetchError } from '../fetch-error';
import { explainFailure, httpFailure } from '../fetch-failure';
import { describeUrl } from '../fetch-format';
import { startFetchTimers } from '../fetch-timers';
import { readLimitedBody } from '../response-body';

export type PostFormOptions = { allowlist: string[]; headers: Record<string, string>; timeoutMs?: number };

// A token answer is a few hundred bytes.
const MAX_BYTES = 64 * 1024;

const checkedTarget = (url: string, allowlist: ReturnType<typeof parseAllowlist>): URL => {
  const target = URL.parse(url);
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:'))
    throw new FetchError('fetch_refused', `"${describeUrl(url)}" is not an http or https URL`);
  const refusal = refusalForLiteralHost(allowlist, target.hostname);
  if (refusal) throw refusal;
  return target;
};

/**
 * POSTs a form (an OAuth token request) under the same SSRF guard as fetchUrl: the address is checked when
 * connecting, redirects are not followed (a token endpoint has no business redirecting), the body is capped.
 * fetchUrl only GETs; this covers the one POST the connectors need.
 */
export const postForm = async (
  url: string,
  form: URLSearchParams,
  options: PostFormOptions,
): Promise<Buffer> => {
  const allowlist = parseAllowlist(options.allowlist);
  const target = checkedTarget(url, allowlist);
  const label = `POST ${describeUrl(target)}`;
  const agent = new Agent({ connect: { lookup: guardedLookup(allowlist) } });
  const timers = startFetchTimers(label, options.timeoutMs ?? 20_000, 10_000);
  const { signal } = timers;
  try {
    const response = await request(target, {
      method: 'POST',
      dispatcher: agent,
      signal,
      headers: { ...options.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump();
      const retryAfter = response.headers['retry-after'];
      throw httpFailure(label, response.statusCode, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
    }
    return await readLimitedBody(response.body, MAX_BYTES, timers.touch, label);
  } catch (error) {
    throw explainFailure(error, signal, label);
  } finally {
    timers.stop();
    await agent.destroy();
  }
};
