/**
 * @module ingest/fetch/address
 * Which IP addresses the fetcher may connect to, checked on the address actually dialled.
 */
import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors.js';

/** IPv6 ranges that carry an IPv4 address in their last 32 bits (mapped, NAT64, SIIT). */
const EMBEDS_V4_LOW = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

/**
 * The ipaddr.js range name of `ip` ('unicast' for ordinary public addresses; 'loopback', 'private',
 * 'linkLocal', 'uniqueLocal', 'carrierGradeNat', 'multicast', 'unspecified'... otherwise), looking
 * through IPv6 forms that wrap an IPv4 address, so ::ffff:127.0.0.1 is 'loopback' and
 * 2002:0a00:0001:: (6to4 of 10.0.0.1) is 'private'. 'invalid' for anything that is not an address.
 */
export function addressRange(ip: string): string {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return 'invalid';
  const addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv4') return addr.range();
  const v6 = addr as ipaddr.IPv6;
  const range = v6.range();
  const p = v6.parts;
  if (EMBEDS_V4_LOW.has(range)) return embedded(p[6] ?? 0, p[7] ?? 0);
  // 6to4 carries the IPv4 address in bits 16–47 (RFC 3056).
  if (range === '6to4') return embedded(p[1] ?? 0, p[2] ?? 0);
  return range;
}

function embedded(hi: number, lo: number): string {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]).range();
}

/**
 * Public means ordinary unicast. An allow-list rather than a deny-list: any range that ipaddr.js
 * names (reserved, benchmarking, documentation, Teredo...) is refused, so a new special range
 * fails closed.
 */
export function isPublicAddress(ip: string): boolean {
  return addressRange(ip) === 'unicast';
}

export interface AddressRules {
  allowPrivateAddresses: boolean;
  allowedNetworks: readonly string[];
}

/** A predicate for the policy: may the fetcher connect to `ip`? */
export function addressGuard(rules: AddressRules): (ip: string) => boolean {
  if (rules.allowPrivateAddresses) return () => true;
  const networks = rules.allowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr));
  return (ip) => {
    if (isPublicAddress(ip)) return true;
    if (!ipaddr.isValid(ip)) return false;
    const addr = ipaddr.process(ip); // unwraps ::ffff:a.b.c.d so IPv4 CIDRs match it
    return networks.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
  };
}

/**
 * A `lookup` for net/tls.connect that resolves with `resolve` and refuses the whole host if any
 * answer is not allowed. Because the check runs on the answer the socket then dials, a name that
 * resolves to a public address when checked and a private one when connecting (DNS rebinding)
 * cannot slip through.
 */
export function guardedLookup(
  allowed: (ip: string) => boolean,
  resolve: LookupFunction = dns.lookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (err, address, family) => {
      if (err) return callback(err, address, family);
      const list: LookupAddress[] =
        typeof address === 'string' ? [{ address, family: family ?? 0 }] : address;
      const refused = list.find((a) => !allowed(a.address));
      if (refused) {
        const e = new FetchError('private_address', hostname, `${hostname} resolves to ${refused.address}`);
        return callback(e as NodeJS.ErrnoException, address, family);
      }
      callback(null, address, family);
    });
  };
}
