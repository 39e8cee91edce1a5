/**
 * IP literals as bytes, and CIDR ranges over them: enough to tell whether an address falls in a
 * range without Node's `net` (the API contract validates trusted-host entries with it too).
 */
export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

export interface IpRange {
  base: IpAddress;
  prefix: number;
}

export function parseIpv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return { family: 4, bytes };
}

function hexGroups(text: string): number[] | null {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

/** `::1`, `2001:db8::1`, `::ffff:127.0.0.1`; brackets and zone ids are not part of it. */
export function parseIpv6(text: string): IpAddress | null {
  let rest = text;
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (dotted) {
    const v4 = parseIpv4(dotted[2] ?? '');
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4.bytes;
    tail.push((a << 8) | b, (c << 8) | d);
    rest = (dotted[1] ?? '').endsWith('::') ? (dotted[1] ?? '') : (dotted[1] ?? '').slice(0, -1);
  }
  const halves = rest.split('::');
  if (halves.length > 2) return null;
  const head = hexGroups(halves[0] ?? '');
  const after = halves.length === 2 ? hexGroups(halves[1] ?? '') : [];
  if (!head || !after) return null;
  const known = head.length + after.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const groups = [...head, ...new Array<number>(8 - known).fill(0), ...after, ...tail];
  return { family: 6, bytes: groups.flatMap((g) => [g >> 8, g & 0xff]) };
}

/** An IP literal of either family; an IPv6 one may come in URL brackets. */
export function parseIp(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return bare.includes(':') ? parseIpv6(bare) : parseIpv4(bare);
}

export function parseCidr(text: string): IpRange | null {
  const [address, prefixText, extra] = text.split('/');
  if (extra !== undefined || address === undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return null;
  const base = parseIp(address);
  const prefix = Number(prefixText);
  if (!base || prefix > base.bytes.length * 8) return null;
  return { base, prefix };
}

export function inRange(address: IpAddress, range: IpRange): boolean {
  if (address.family !== range.base.family) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const take = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if (((address.bytes[index] ?? 0) & mask) !== ((range.base.bytes[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** The IPv4 address inside an IPv6 one at byte `offset` (mapped, NAT64, 6to4). */
export function embeddedIpv4(address: IpAddress, offset: number): IpAddress {
  return { family: 4, bytes: address.bytes.slice(offset, offset + 4) };
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4) return address.bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((address.bytes[i] ?? 0) << 8) | (address.bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}
