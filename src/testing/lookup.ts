/**
 * @module testing/lookup
 * A DNS resolver from a table, for names in tests: nothing is looked up on the network, and a
 * name not in the table is not found (ENOTFOUND), as an unknown host would be.
 */
import type { LookupFunction } from 'node:net';

export function tableLookup(names: Record<string, readonly string[]>): LookupFunction {
  const lookup = (host: string, _opts: unknown, done: (...args: unknown[]) => void) => {
    const found = names[host];
    if (!found) return done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
    done(
      null,
      found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
  return lookup as unknown as LookupFunction;
}
