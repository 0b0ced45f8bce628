import ipaddr from 'ipaddr.js';

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'carrier-grade-nat'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

// Anything ipaddr.js names that is not listed here (benchmarking, teredo, as112, orchid…) counts as
// reserved: a new range name in a future ipaddr.js release is refused rather than let through.
const IPV4_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade-nat',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
};

const IPV6_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  loopback: 'loopback',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'private',
  unspecified: 'unspecified',
  multicast: 'multicast',
};

const DESCRIPTIONS: Record<AddressClass, string> = {
  public: 'a public address',
  private: 'a private address',
  loopback: 'a loopback address',
  'link-local': 'a link-local address (this range includes cloud metadata services)',
  'carrier-grade-nat': 'a carrier-grade NAT address',
  'unique-local': 'a unique-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
  reserved: 'a reserved address',
  invalid: 'not a valid IP address',
};

const classifyIpv4 = (ip: ipaddr.IPv4): AddressClass => IPV4_CLASSES[ip.range()] ?? 'reserved';

const embeddedIpv4 = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

const classifyIpv6 = (ip: ipaddr.IPv6): AddressClass => {
  const range = ip.range();
  const [p0, p1, p2, p3, p4, p5, p6, p7] = ip.parts;
  // These forms carry an IPv4 address that the packet may end up at, so that address decides.
  if (range === 'ipv4Mapped') return classifyIpv4(ip.toIPv4Address());
  if (range === 'rfc6052') return classifyIpv4(embeddedIpv4(p6, p7));
  if (range === '6to4') return classifyIpv4(embeddedIpv4(p1, p2));
  // ::a.b.c.d (deprecated IPv4-compatible) is named unicast by ipaddr.js; nothing public lives in ::/96.
  if (range === 'unicast' && p0 + p1 + p2 + p3 + p4 + p5 === 0) return 'reserved';
  return IPV6_CLASSES[range] ?? 'reserved';
};

/** Classifies an IP address; only `public` addresses may be fetched without an allowlist entry. */
export const classifyAddress = (address: string): AddressClass => {
  if (!ipaddr.isValid(address)) return 'invalid';
  const ip = ipaddr.parse(address);
  return ip.kind() === 'ipv4' ? classifyIpv4(ip as ipaddr.IPv4) : classifyIpv6(ip as ipaddr.IPv6);
};

export const describeAddressClass = (addressClass: AddressClass): string => DESCRIPTIONS[addressClass];
