import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress, describeAddressClass } from './address-policy';
import { FetchError } from './fetch-error';
import { ALLOWLIST_SETTING, isAllowlisted, normaliseHost, type FetchAllowlist } from './fetch-allowlist';

/** Returns the error to throw when `host` (resolved to `address`) may not be fetched, or null when it may. */
export const refusalFor = (allowlist: FetchAllowlist, host: string, address: string): FetchError | null => {
  if (isAllowlisted(allowlist, host, address)) return null;
  const addressClass = classifyAddress(address);
  if (addressClass === 'public') return null;
  const name = normaliseHost(host);
  const what = describeAddressClass(addressClass);
  const subject =
    name === normaliseHost(address) ? `${address} is ${what}` : `${name} resolves to ${address}, ${what}`;
  return new FetchError('fetch_refused', `${subject}; add it to ${ALLOWLIST_SETTING} to allow it`);
};

/** The DNS lookup is skipped for IP-literal hosts, so those are checked before connecting. */
export const refusalForLiteralHost = (allowlist: FetchAllowlist, hostname: string): FetchError | null => {
  const host = normaliseHost(hostname);
  return isIP(host) ? refusalFor(allowlist, host, host) : null;
};

type LookupCallback = Parameters<LookupFunction>[2];

const answer = (options: LookupOptions, addresses: LookupAddress[], callback: LookupCallback): void => {
  if (options.all) callback(null, addresses);
  else callback(null, addresses[0].address, addresses[0].family);
};

/**
 * A `lookup` for net/tls connect that drops every resolved address the policy refuses, so the check holds
 * for the address actually connected to (a DNS answer that changes between check and connect cannot slip by).
 */
export const guardedLookup =
  (allowlist: FetchAllowlist): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const permitted = addresses.filter((entry) => !refusalFor(allowlist, hostname, entry.address));
      if (permitted.length > 0) return answer(options, permitted, callback);
      const refusal = addresses.length > 0 ? refusalFor(allowlist, hostname, addresses[0].address) : null;
      callback(
        refusal ?? new FetchError('fetch_failed', `${hostname} did not resolve to any address`),
        '',
        0,
      );
    });
  };
