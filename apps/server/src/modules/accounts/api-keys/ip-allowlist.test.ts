import { describe, expect, it } from 'vitest';
import { ipCheckOf, normalizeIpEntry } from './ip-allowlist.js';

describe('IP allow-list entries', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 10.0.0.0/8 ', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0::1', '2001:db8::1'],
    ['2001:db8::/048', '2001:db8::/48'],
    ['::1', '::1'],
    ['::ffff:192.0.2.1', '::ffff:c000:201'],
  ])('when %j is given, then it is kept as %j', (entry, canonical) => {
    expect(normalizeIpEntry(entry)).toBe(canonical);
  });

  it.each(['', 'localhost', '256.1.1.1', '01.2.3.4', '1.2.3', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/8', '2001:db8::/129', 'fe80::1%eth0', '2001:db8:::1', '1.2.3.4 5.6.7.8'])(
    'when %j is given, then it is refused',
    (entry) => {
      expect(normalizeIpEntry(entry)).toBeUndefined();
    },
  );
});

describe('IP allow-list matching', () => {
  it('when the list is empty, then every address is allowed', () => {
    expect(ipCheckOf([]).allows('198.51.100.1')).toBe(true);
  });

  it('when the list has addresses and blocks, then exactly those match, IPv4-mapped IPv6 clients included', () => {
    const check = ipCheckOf(['203.0.113.7', '10.1.0.0/16', '2001:db8::/32']);
    expect(check.allows('203.0.113.7')).toBe(true);
    expect(check.allows('::ffff:203.0.113.7')).toBe(true);
    expect(check.allows('10.1.255.3')).toBe(true);
    expect(check.allows('2001:db8:ffff::9')).toBe(true);
    expect(check.allows('203.0.113.8')).toBe(false);
    expect(check.allows('10.2.0.1')).toBe(false);
    expect(check.allows('2001:db9::1')).toBe(false);
    expect(check.allows('not-an-ip')).toBe(false);
  });
});
