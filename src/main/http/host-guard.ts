import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * DNS-rebinding guard. A page on a name the attacker controls (`127.attacker.example`,
 * `127.0.0.1.evil.example`) can be made to resolve to 127.0.0.1; the browser then sends that name
 * as `Host`. So a name passes only when it is exactly one we answer to: the loopback literals, the
 * address the user bound, an address of this machine for a wildcard bind (IP literals cannot be
 * rebound), or a name listed in `allowed_hosts`. The port must be the listener's own.
 */
export const LOOPBACK_HOST_NAMES: readonly string[] = ['127.0.0.1', '[::1]', 'localhost'];

export interface HostAddress {
  /** lower case; IPv6 in brackets, as in a Host header. */
  name: string;
  /** null when the header names none (the scheme's default). */
  port: number | null;
}

export interface HostPolicy {
  /** the address the listener is bound to (`127.0.0.1`, `0.0.0.0`, `192.168.1.5`, `::`). */
  boundHost: string;
  /** the port the request arrived on. */
  port: number;
  /** config `allowed_hosts`: `name` (any port) or `name:port`. */
  allowedHosts: readonly string[];
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** `host`, `host:port`, `[v6]` or `[v6]:port`; anything else (userinfo, paths, two colons) is null. */
export function parseHostAddress(value: string): HostAddress | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  return { name: match[1].toLowerCase(), port };
}

/** A bind address as it appears in a Host header (`::1` -> `[::1]`). */
export function hostNameOf(address: string): string {
  const name = address.toLowerCase();
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

function isAddressOfThisMachine(name: string): boolean {
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  if (isIP(bare) === 0) return false;
  return Object.values(networkInterfaces()).some((list) => list?.some((entry) => entry.address.toLowerCase() === bare));
}

function matchesAllowedEntry(address: HostAddress, entry: string): boolean {
  const allowed = parseHostAddress(entry);
  if (!allowed || allowed.name !== address.name) return false;
  return allowed.port === null || allowed.port === address.port;
}

/** Whether a request's Host header names this listener. A missing or malformed header does not. */
export function hostHeaderAllowed(hostHeader: string | undefined, policy: HostPolicy): boolean {
  const address = hostHeader ? parseHostAddress(hostHeader) : null;
  if (!address) return false;
  if (policy.allowedHosts.some((entry) => matchesAllowedEntry(address, entry))) return true;
  // Without a port the browser means the scheme's default; only a listener on 80 answers that.
  if ((address.port ?? 80) !== policy.port) return false;
  if (LOOPBACK_HOST_NAMES.includes(address.name)) return true;
  const bound = hostNameOf(policy.boundHost);
  return WILDCARD_BINDS.has(bound) ? isAddressOfThisMachine(address.name) : address.name === bound;
}
