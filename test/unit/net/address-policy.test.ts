import { describe, expect, it } from 'vitest';
import { formatIp, parseIp } from '../../../src/core/address/ip';
import { isTrustedHost, trustedHostProblem } from '../../../src/core/address/trusted-hosts';
import { forbiddenAddressKind } from '../../../src/main/net/forbidden-addresses';

describe('IP literals', () => {
  it('parses both families, compressed and with an IPv4 tail', () => {
    expect(parseIp('192.168.1.20')?.bytes).toEqual([192, 168, 1, 20]);
    expect(formatIp(parseIp('::1')!)).toBe('0:0:0:0:0:0:0:1');
    expect(formatIp(parseIp('[2001:db8::8:800:200c:417a]')!)).toBe('2001:db8:0:0:8:800:200c:417a');
    expect(formatIp(parseIp('::ffff:127.0.0.1')!)).toBe('0:0:0:0:0:ffff:7f00:1');
    expect(formatIp(parseIp('64:ff9b::10.0.0.1')!)).toBe('64:ff9b:0:0:0:0:a00:1');
    for (const bad of ['1.2.3', '1.2.3.256', '01.2.3.4', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '']) expect(parseIp(bad)).toBeNull();
  });
});

describe('forbidden addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['fd00:ec2::254', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['::', 'unspecified'],
    ['239.1.1.1', 'multicast'],
  ])('%s is %s', (ip, kind) => {
    expect(forbiddenAddressKind(ip)).toContain(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is allowed', (ip) => {
    expect(forbiddenAddressKind(ip)).toBeNull();
  });
});

describe('trusted recording hosts', () => {
  it('match the host the URL names: a name, a literal, a range', () => {
    expect(isTrustedHost('NAS.local', ['nas.local'])).toBe(true);
    expect(isTrustedHost('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isTrustedHost('localhost', ['127.0.0.1'])).toBe(false);
    expect(isTrustedHost('[::1]', ['::1'])).toBe(true);
    expect(isTrustedHost('192.168.4.7', ['192.168.0.0/16'])).toBe(true);
    expect(isTrustedHost('10.0.0.1', ['192.168.0.0/16'])).toBe(false);
    expect(isTrustedHost('evil.nas.local', ['nas.local'])).toBe(false);
  });

  it('entries must be a host, an IP or a CIDR range, with no scheme, port or path', () => {
    for (const good of ['nas.local', 'recordings.example.com', '192.168.1.20', '::1', '[::1]', '10.0.0.0/8', 'fd00::/8']) expect(trustedHostProblem(good)).toBeNull();
    for (const bad of ['http://nas.local', 'nas.local:8080', 'nas.local/x', '10.0.0.0/33', '999.1.1.1', 'a b']) expect(trustedHostProblem(bad)).not.toBeNull();
  });
});
