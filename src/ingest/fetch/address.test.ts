import { describe, expect, it } from 'vitest';
import { addressGuard, addressRange, guardedLookup, isPublicAddress } from './address.js';
import type { LookupFunction } from 'node:net';
import { FetchError } from './errors.js';

// [address, expected range, public?]: every range the fetcher must refuse, in both families.
const TABLE: [string, string, boolean][] = [
  ['8.8.8.8', 'unicast', true],
  ['193.0.6.139', 'unicast', true],
  ['127.0.0.1', 'loopback', false],
  ['127.255.255.254', 'loopback', false],
  ['10.0.0.1', 'private', false],
  ['172.16.0.1', 'private', false],
  ['172.31.255.255', 'private', false],
  ['172.32.0.1', 'unicast', true],
  ['192.168.1.1', 'private', false],
  ['169.254.169.254', 'linkLocal', false], // the cloud metadata service
  ['100.64.0.1', 'carrierGradeNat', false],
  ['100.128.0.1', 'unicast', true],
  ['0.0.0.0', 'unspecified', false],
  ['224.0.0.1', 'multicast', false],
  ['255.255.255.255', 'broadcast', false],
  ['192.0.2.1', 'reserved', false],
  ['2001:4860:4860::8888', 'unicast', true],
  ['2a00:1450:4001:80b::200e', 'unicast', true],
  ['::1', 'loopback', false],
  ['[::1]', 'loopback', false],
  ['::', 'unspecified', false],
  ['fe80::1', 'linkLocal', false],
  ['febf:ffff::1', 'linkLocal', false],
  ['fc00::1', 'uniqueLocal', false],
  ['fd12:3456::1', 'uniqueLocal', false],
  ['ff02::1', 'multicast', false],
  ['::ffff:127.0.0.1', 'loopback', false],
  ['::ffff:7f00:1', 'loopback', false],
  ['::ffff:10.1.2.3', 'private', false],
  ['::ffff:169.254.169.254', 'linkLocal', false],
  ['::ffff:8.8.8.8', 'unicast', true],
  ['64:ff9b::a00:1', 'private', false], // NAT64 of 10.0.0.1
  ['2002:c0a8:0101::1', 'private', false], // 6to4 of 192.168.1.1
  ['2001:db8::1', 'reserved', false],
  ['example.org', 'invalid', false],
  ['', 'invalid', false],
];

describe('addressRange / isPublicAddress', () => {
  it.each(TABLE)('%s is %s', (ip, range, pub) => {
    expect(addressRange(ip)).toBe(range);
    expect(isPublicAddress(ip)).toBe(pub);
  });
});

describe('addressGuard', () => {
  it('lets allowed networks through, including their IPv4-mapped form, and nothing else private', () => {
    const allowed = addressGuard({ allowPrivateAddresses: false, allowedNetworks: ['127.0.0.1/32'] });
    expect(allowed('127.0.0.1')).toBe(true);
    expect(allowed('::ffff:127.0.0.1')).toBe(true);
    expect(allowed('127.0.0.2')).toBe(false);
    expect(allowed('10.0.0.1')).toBe(false);
    expect(allowed('93.184.216.34')).toBe(true);
  });

  it('allows everything when private addresses are allowed', () => {
    expect(addressGuard({ allowPrivateAddresses: true, allowedNetworks: [] })('10.0.0.1')).toBe(true);
  });
});

describe('guardedLookup', () => {
  const fake =
    (answers: string[]): LookupFunction =>
    (_host, options, callback) =>
      options.all
        ? callback(
            null,
            answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
          )
        : callback(null, answers[0] ?? '', 4);
  const lookup = (fn: LookupFunction, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      fn('news.example', { all }, (err, address) => (err ? reject(err) : resolve(address))),
    );
  const guard = addressGuard({ allowPrivateAddresses: false, allowedNetworks: [] });

  it('passes public answers through unchanged', async () => {
    await expect(lookup(guardedLookup(guard, fake(['8.8.8.8'])), false)).resolves.toBe('8.8.8.8');
  });

  it.each([false, true])('refuses a host with any private answer (all: %s)', async (all) => {
    const err = await lookup(
      guardedLookup(guard, fake(['8.8.8.8', '::ffff:10.0.0.1'].slice(all ? 0 : 1))),
      all,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('private_address');
  });
});
