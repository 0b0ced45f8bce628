import { DomainError } from '@parley/domain';
import ipaddr from 'ipaddr.js';

/** The setting a person edits to let Parley fetch from a private or local address. */
export const ALLOWLIST_SETTING = 'PARLEY_FETCH_ALLOWLIST';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type FetchAllowlist = { hosts: ReadonlySet<string>; ranges: readonly Range[] };

export const normaliseHost = (host: string): string =>
  host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');

const parseRange = (entry: string): Range | null => {
  if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
  if (!ipaddr.isValid(entry)) return null;
  const ip = ipaddr.parse(entry);
  return [ip, ip.kind() === 'ipv4' ? 32 : 128];
};

/**
 * Entries are hostnames (matched exactly, case-insensitively) or IP addresses and CIDR ranges (v4 or v6).
 * An entry with a slash that is not a valid CIDR range is a typo, and is rejected rather than ignored.
 */
export const parseAllowlist = (entries: readonly string[]): FetchAllowlist => {
  const hosts = new Set<string>();
  const ranges: Range[] = [];
  for (const raw of entries.map((entry) => normaliseHost(entry.trim())).filter(Boolean)) {
    const range = parseRange(raw);
    if (range) ranges.push(range);
    else if (raw.includes('/') || raw.includes(':'))
      throw new DomainError(
        'invalid',
        `${ALLOWLIST_SETTING} entry "${raw}" is not a hostname, IP address or CIDR range`,
      );
    else hosts.add(raw);
  }
  return { hosts, ranges };
};

const inRange = (address: string, [network, bits]: Range): boolean => {
  const ip = ipaddr.parse(address);
  // An IPv4 entry deliberately does not cover its IPv4-mapped IPv6 form: allow that form explicitly if needed.
  return ip.kind() === network.kind() && ip.match(network, bits);
};

export const isAllowlisted = (allowlist: FetchAllowlist, host: string, address: string): boolean =>
  allowlist.hosts.has(normaliseHost(host)) ||
  (ipaddr.isValid(address) && allowlist.ranges.some((range) => inRange(address, range)));
