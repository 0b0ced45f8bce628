import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressClass } from './address-policy';
import { isAllowlisted, parseAllowlist } from './fetch-allowlist';

describe('classifyAddress', () => {
  it.each<[string, AddressClass]>([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.254', 'carrier-grade-nat'],
    ['100.128.0.1', 'public'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'private'],
    // IPv6 forms that carry an IPv4 address are judged by that address.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::808:808', 'public'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', 'public'],
    ['::7f00:1', 'reserved'],
    ['not an ip', 'invalid'],
    ['', 'invalid'],
  ])('%s is %s', (address, expected) => expect(classifyAddress(address)).toBe(expected));
});

describe('allowlist', () => {
  const allowlist = parseAllowlist(['Feeds.Internal.Example', '127.0.0.1', '10.1.0.0/16', 'fd00::/8', '::1']);

  it.each([
    ['feeds.internal.example', '10.9.9.9', true],
    ['FEEDS.INTERNAL.EXAMPLE.', '10.9.9.9', true],
    ['other.example', '127.0.0.1', true],
    ['other.example', '127.0.0.2', false],
    ['other.example', '10.1.200.3', true],
    ['other.example', '10.2.0.1', false],
    ['other.example', 'fd00::5', true],
    ['other.example', '::1', true],
    // An IPv4 entry does not silently cover the IPv4-mapped IPv6 spelling of the same address.
    ['other.example', '::ffff:127.0.0.1', false],
  ])('%s at %s → %s', (host, address, expected) =>
    expect(isAllowlisted(allowlist, host, address)).toBe(expected),
  );

  it.each(['10.0.0.0/33', '::1/200', 'host:8080'])('rejects the malformed entry %s', (entry) => {
    expect(() => parseAllowlist([entry])).toThrow(/PARLEY_FETCH_ALLOWLIST entry/);
  });
});
