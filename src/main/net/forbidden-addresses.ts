import { embeddedIpv4, inRange, parseCidr, parseIp, type IpAddress, type IpRange } from '../../core/address/ip';

/**
 * Addresses a recording fetch must not reach unless the user trusts the host: this machine,
 * private and link-local networks, carrier-grade NAT, and the cloud metadata services that live
 * there (169.254.169.254, 100.100.100.200, fd00:ec2::254). A URL on the internet must not turn
 * Callscope into a door to them (server-side request forgery with read-back).
 */
const ranges: [string, string][] = [
  ['0.0.0.0/8', 'a "this network" (0.0.0.0/8)'],
  ['10.0.0.0/8', 'a private (10/8)'],
  ['100.64.0.0/10', 'a carrier-grade NAT (100.64/10)'],
  ['127.0.0.0/8', 'a loopback'],
  ['169.254.0.0/16', 'a link-local (169.254/16, where cloud metadata services answer)'],
  ['172.16.0.0/12', 'a private (172.16/12)'],
  ['192.0.0.0/24', 'an IETF-reserved (192.0.0/24)'],
  ['192.168.0.0/16', 'a private (192.168/16)'],
  ['198.18.0.0/15', 'a benchmarking (198.18/15)'],
  ['224.0.0.0/4', 'a multicast'],
  ['240.0.0.0/4', 'a reserved (240/4)'],
  ['::/128', 'an unspecified (::)'],
  ['::1/128', 'a loopback'],
  ['::/96', 'an IPv4-compatible (::/96)'],
  ['2001::/32', 'a Teredo tunnel (2001::/32)'],
  ['fc00::/7', 'a unique-local (fc00::/7)'],
  ['fe80::/10', 'a link-local (fe80::/10)'],
  ['fec0::/10', 'a site-local (fec0::/10)'],
  ['ff00::/8', 'a multicast'],
];

const forbidden: { range: IpRange; kind: string }[] = ranges.map(([cidr, kind]) => {
  const range = parseCidr(cidr);
  if (!range) throw new Error(`bad built-in range ${cidr}`);
  return { range, kind };
});

/** IPv6 forms that carry an IPv4 address: mapped, NAT64, 6to4. The IPv4 one is what is reached. */
const carriers: { range: IpRange; offset: number }[] = [
  { cidr: '::ffff:0:0/96', offset: 12 },
  { cidr: '64:ff9b::/96', offset: 12 },
  { cidr: '2002::/16', offset: 2 },
].map(({ cidr, offset }) => {
  const range = parseCidr(cidr);
  if (!range) throw new Error(`bad built-in range ${cidr}`);
  return { range, offset };
});

function kindOf(address: IpAddress): string | null {
  for (const carrier of carriers) {
    if (inRange(address, carrier.range)) return kindOf(embeddedIpv4(address, carrier.offset));
  }
  return forbidden.find(({ range }) => inRange(address, range))?.kind ?? null;
}

/**
 * What kind of forbidden address this is ("a loopback", "a private (10/8)"), or null when a fetch
 * may go there. Anything that is not an IP literal is refused too: only resolved addresses come here.
 */
export function forbiddenAddressKind(ip: string): string | null {
  const address = parseIp(ip);
  if (!address) return 'an unparsable';
  return kindOf(address);
}
