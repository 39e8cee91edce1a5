import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed, parseHostAddress } from '../../src/main/http/host-guard';

const policy = (boundHost: string, allowedHosts: string[] = []) => ({ boundHost, port: 8787, allowedHosts });

describe('hostHeaderAllowed', () => {
  it('parses only host[:port] forms', () => {
    expect(parseHostAddress('[::1]:8787')).toEqual({ name: '[::1]', port: 8787 });
    expect(parseHostAddress('Example.LAN')).toEqual({ name: 'example.lan', port: null });
    expect(parseHostAddress('a@b:1')).toBeNull();
    expect(parseHostAddress('a:1:2')).toBeNull();
    expect(parseHostAddress('a:99999')).toBeNull();
    expect(parseHostAddress('::1')).toBeNull();
  });

  it('a listener bound to a LAN address answers to that address and loopback, not to other names', () => {
    expect(hostHeaderAllowed('192.168.1.5:8787', policy('192.168.1.5'))).toBe(true);
    expect(hostHeaderAllowed('127.0.0.1:8787', policy('192.168.1.5'))).toBe(true);
    expect(hostHeaderAllowed('192.168.1.6:8787', policy('192.168.1.5'))).toBe(false);
    expect(hostHeaderAllowed('callscope.lan:8787', policy('192.168.1.5'))).toBe(false);
    expect(hostHeaderAllowed('callscope.lan:8787', policy('192.168.1.5', ['callscope.lan']))).toBe(true);
    expect(hostHeaderAllowed('myhost.lan:8787', policy('MyHost.lan'))).toBe(true);
  });

  it('a wildcard bind answers to the addresses of this machine, never to a name', () => {
    const own = Object.values(networkInterfaces()).flatMap((list) => list ?? []).find((entry) => entry.family === 'IPv4');
    expect(own).toBeDefined();
    expect(hostHeaderAllowed(`${own?.address}:8787`, policy('0.0.0.0'))).toBe(true);
    expect(hostHeaderAllowed('203.0.113.9:8787', policy('0.0.0.0'))).toBe(false);
    expect(hostHeaderAllowed('127.attacker.example:8787', policy('0.0.0.0'))).toBe(false);
    expect(hostHeaderAllowed('[::1]:8787', policy('::'))).toBe(true);
  });
});
