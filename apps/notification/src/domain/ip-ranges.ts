import { isIP } from 'node:net';

/**
 * What an IP address is, for deciding whether the platform may connect to it. Written here (not a library) because
 * none is installed; the ranges are the IANA special-purpose registries for IPv4 and IPv6.
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

export function parseIPv4(address: string): number | undefined {
  if (isIP(address) !== 4) return undefined;
  return address.split('.').reduce((acc, octet) => ((acc << 8) | Number(octet)) >>> 0, 0);
}

/** Parses any textual IPv6 form (`::`, embedded IPv4 tail, zone id) into a 128-bit integer. */
export function parseIPv6(input: string): bigint | undefined {
  const address = input.split('%')[0];
  if (isIP(address) !== 6) return undefined;
  let head = address;
  const tail: number[] = [];
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (v4 === undefined) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    head = address.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  let groups: number[];
  const halves = head.split('::');
  const hex = (s: string): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  if (halves.length === 2) {
    const left = hex(halves[0]);
    const right = [...hex(halves[1]), ...tail];
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  } else {
    groups = [...hex(head), ...tail];
  }
  if (groups.length !== 8) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function inIPv4Cidr(address: number, network: string, bits: number): boolean {
  const net = parseIPv4(network);
  if (net === undefined) throw new RangeError(`bad IPv4 network ${network}`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return ((address & mask) >>> 0) === ((net & mask) >>> 0);
}

export function inIPv6Cidr(address: bigint, network: string, bits: number): boolean {
  const net = parseIPv6(network);
  if (net === undefined) throw new RangeError(`bad IPv6 network ${network}`);
  const shift = BigInt(128 - bits);
  return address >> shift === net >> shift;
}

const IPV4_RANGES: readonly [string, number, AddressKind][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  // Carrier-grade NAT: not reachable from the internet, so as good as private for SSRF purposes.
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  // Link-local holds cloud metadata endpoints (169.254.169.254).
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const IPV6_RANGES: readonly [string, number, AddressKind][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  // Teredo hides the real IPv4 endpoint; nothing legitimate needs it for a webhook.
  ['2001::', 32, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  // Site-local is deprecated but still routed inside some networks.
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
  // The deprecated IPv4-compatible block (after :: and ::1 above).
  ['::', 96, 'reserved'],
];

function classifyIPv4(v4: number): AddressKind {
  for (const [net, bits, kind] of IPV4_RANGES) if (inIPv4Cidr(v4, net, bits)) return kind;
  return 'public';
}

function v4FromBits(value: bigint): string {
  const n = Number(value & 0xffffffffn);
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

/** The IPv4 address an IPv6 address stands for (mapped, NAT64, 6to4), which is where a connection really goes. */
export function embeddedIPv4(v6: bigint): string | undefined {
  if (inIPv6Cidr(v6, '::ffff:0:0', 96)) return v4FromBits(v6);
  if (inIPv6Cidr(v6, '64:ff9b::', 96)) return v4FromBits(v6);
  if (inIPv6Cidr(v6, '2002::', 16)) return v4FromBits(v6 >> 80n);
  return undefined;
}

/** Classifies a literal address; `undefined` when it is not an IP address at all. */
export function classifyAddress(address: string): AddressKind | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = parseIPv4(bare);
  if (v4 !== undefined) return classifyIPv4(v4);
  const v6 = parseIPv6(bare);
  if (v6 === undefined) return undefined;
  const inner = embeddedIPv4(v6);
  if (inner !== undefined) return classifyIPv4(parseIPv4(inner) as number);
  for (const [net, bits, kind] of IPV6_RANGES) if (inIPv6Cidr(v6, net, bits)) return kind;
  return 'public';
}
