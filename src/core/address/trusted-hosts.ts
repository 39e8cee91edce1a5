import { inRange, parseCidr, parseIp } from './ip';

/**
 * Hosts the user trusts for recording fetches (a LAN recording server, a test server on this
 * machine): a host name (`nas.local`), an IP literal (`192.168.1.20`, `::1`) or a CIDR range of
 * literals (`10.0.0.0/8`). An entry matches the host the URL names, not what a name resolves to:
 * trusting `127.0.0.1` does not make `localhost`, or a public name that resolves there, trusted.
 */
export const MAX_TRUSTED_HOSTS = 100;

const hostNamePattern = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** The form entries and URL hosts are compared in: lower case, no brackets, no trailing dot. */
export function normalizeHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  const bare = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/** Why an entry is not a host, an IP or a CIDR range; null when it is one. */
export function trustedHostProblem(entry: string): string | null {
  const host = normalizeHost(entry);
  if (host.includes('/')) return parseCidr(host) ? null : `"${entry}" is not a CIDR range like 10.0.0.0/8`;
  if (host.includes(':')) return parseIp(host) ? null : `"${entry}" is not an IP address (give a host name or an IP, without scheme, port or path)`;
  if (/^[\d.]+$/.test(host)) return parseIp(host) ? null : `"${entry}" is not an IPv4 address`;
  return hostNamePattern.test(host) ? null : `"${entry}" is not a host name (give a host name or an IP, without scheme, port or path)`;
}

export function isTrustedHost(urlHostname: string, trusted: readonly string[]): boolean {
  const host = normalizeHost(urlHostname);
  const address = parseIp(host);
  return trusted.some((entry) => {
    const normalized = normalizeHost(entry);
    if (normalized.includes('/')) {
      const range = parseCidr(normalized);
      return address !== null && range !== null && inRange(address, range);
    }
    const literal = parseIp(normalized);
    if (literal && address) return literal.family === address.family && literal.bytes.every((b, i) => b === address.bytes[i]);
    return normalized === host;
  });
}
