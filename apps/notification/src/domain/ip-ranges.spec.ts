/// <reference types="jest" />
import { classifyAddress, embeddedIPv4, inIPv4Cidr, inIPv6Cidr, parseIPv4, parseIPv6 } from './ip-ranges';

describe('IP parsing', () => {
  it('parses IPv4 to an unsigned 32-bit integer', () => {
    expect(parseIPv4('0.0.0.0')).toBe(0);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIPv4('10.1.2.3')).toBe(0x0a010203);
    expect(parseIPv4('10.1.2')).toBeUndefined();
    expect(parseIPv4('256.1.1.1')).toBeUndefined();
    expect(parseIPv4('::1')).toBeUndefined();
  });

  it('parses every IPv6 spelling to the same 128-bit value', () => {
    expect(parseIPv6('::')).toBe(0n);
    expect(parseIPv6('::1')).toBe(1n);
    expect(parseIPv6('0:0:0:0:0:0:0:1')).toBe(1n);
    expect(parseIPv6('fe80::1%eth0')).toBe((0xfe80n << 112n) | 1n);
    expect(parseIPv6('::ffff:127.0.0.1')).toBe(parseIPv6('::ffff:7f00:1'));
    expect(parseIPv6('2001:db8:0:0:1:0:0:1')).toBe(parseIPv6('2001:db8::1:0:0:1'));
    expect(parseIPv6('1:2:3:4:5:6:1.2.3.4')).toBe(parseIPv6('1:2:3:4:5:6:102:304'));
    expect(parseIPv6('1.2.3.4')).toBeUndefined();
    expect(parseIPv6('1::2::3')).toBeUndefined();
  });
});

describe('CIDR membership', () => {
  it('checks IPv4 prefixes at their edges', () => {
    const v4 = (s: string): number => parseIPv4(s) as number;
    expect(inIPv4Cidr(v4('172.16.0.0'), '172.16.0.0', 12)).toBe(true);
    expect(inIPv4Cidr(v4('172.31.255.255'), '172.16.0.0', 12)).toBe(true);
    expect(inIPv4Cidr(v4('172.32.0.0'), '172.16.0.0', 12)).toBe(false);
    expect(inIPv4Cidr(v4('172.15.255.255'), '172.16.0.0', 12)).toBe(false);
    expect(inIPv4Cidr(v4('8.8.8.8'), '0.0.0.0', 0)).toBe(true);
    expect(inIPv4Cidr(v4('10.0.0.1'), '10.0.0.1', 32)).toBe(true);
    expect(inIPv4Cidr(v4('10.0.0.2'), '10.0.0.1', 32)).toBe(false);
  });

  it('checks IPv6 prefixes at their edges', () => {
    const v6 = (s: string): bigint => parseIPv6(s) as bigint;
    expect(inIPv6Cidr(v6('fc00::'), 'fc00::', 7)).toBe(true);
    expect(inIPv6Cidr(v6('fdff:ffff::1'), 'fc00::', 7)).toBe(true);
    expect(inIPv6Cidr(v6('fe00::1'), 'fc00::', 7)).toBe(false);
    expect(inIPv6Cidr(v6('fbff::1'), 'fc00::', 7)).toBe(false);
    expect(inIPv6Cidr(v6('febf:ffff::1'), 'fe80::', 10)).toBe(true);
    expect(inIPv6Cidr(v6('fec0::1'), 'fe80::', 10)).toBe(false);
  });

  it('finds the IPv4 address inside mapped, NAT64 and 6to4 addresses', () => {
    expect(embeddedIPv4(parseIPv6('::ffff:10.0.0.1') as bigint)).toBe('10.0.0.1');
    expect(embeddedIPv4(parseIPv6('64:ff9b::7f00:1') as bigint)).toBe('127.0.0.1');
    expect(embeddedIPv4(parseIPv6('2002:c0a8:0101::1') as bigint)).toBe('192.168.1.1');
    expect(embeddedIPv4(parseIPv6('2606:4700::1') as bigint)).toBeUndefined();
  });
});

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['::ffff:192.168.0.10', 'private'],
    ['2002:0a00:0001::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['172.15.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['169.255.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::808:808', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('answers undefined for a host name', () => {
    expect(classifyAddress('hooks.partner.example')).toBeUndefined();
  });
});
