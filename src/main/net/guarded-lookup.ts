import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenAddressKind } from './forbidden-addresses';

/**
 * A `lookup` for http(s) requests that refuses names resolving to forbidden addresses. The check
 * runs on the addresses the socket will connect to, after DNS, so a public name that resolves (or
 * rebinds) to 127.0.0.1 or 169.254.169.254 is refused as surely as the literal.
 */
export class ForbiddenAddressError extends Error {
  readonly code = 'ECALLSCOPE_FORBIDDEN_ADDRESS';
  readonly address: string;
  readonly kind: string;
  constructor(host: string, address: string, kind: string) {
    super(`${host} resolves to ${address}, ${kind} address`);
    this.name = 'ForbiddenAddressError';
    this.address = address;
    this.kind = kind;
  }
}

export function guardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      for (const { address } of addresses) {
        const kind = forbiddenAddressKind(address);
        if (kind) return callback(new ForbiddenAddressError(hostname, address, kind), '', 0);
      }
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      // net asks for every address when it races IPv4 and IPv6 (autoSelectFamily)
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
