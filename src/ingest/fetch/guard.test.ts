import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';
import type { FetchPolicy } from './policy.js';
import { page, redirect, startServer } from '../../testing/http-server.js';
import type { TestServer } from '../../testing/http-server.js';

let server: TestServer;
const resolved: string[] = [];
/** Made-up names → chosen addresses, in place of DNS; records every name the sockets resolve. */
const lookup =
  (table: Record<string, string>): LookupFunction =>
  (hostname, options, callback) => {
    resolved.push(hostname);
    const address = table[hostname];
    if (!address)
      return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };

beforeAll(async () => {
  server = await startServer({
    '/page': page('local'),
    '/to-ten': redirect('http://10.0.0.1/admin'),
    '/to-mapped': redirect('http://[::ffff:192.168.0.1]/'),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
    '/to-intranet': redirect('http://intranet.test/'),
  });
});
afterAll(() => server.close());

async function attempt(url: string, policy: Partial<FetchPolicy>, table: Record<string, string> = {}) {
  const f = createFetcher(
    { respectRobots: false, perHostIntervalMs: 0, ...policy },
    { lookup: lookup(table) },
  );
  try {
    return await f.fetch(url);
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  } finally {
    await f.close();
  }
}

describe('private-address guard', () => {
  it('refuses a loopback literal before connecting', async () => {
    const before = server.hits.length;
    expect(await attempt(`${server.origin}/page`, {})).toMatchObject({ code: 'private_address' });
    expect(server.hits.length).toBe(before);
  });

  it.each(['/to-ten', '/to-mapped', '/to-metadata', '/to-intranet'])(
    're-checks the redirect hop of %s and refuses it',
    async (path) => {
      // Only the test server itself is reachable; where it redirects to is not.
      const policy = { allowedNetworks: ['127.0.0.1/32'] };
      const res = await attempt(server.origin + path, policy, { 'intranet.test': '192.168.1.10' });
      expect(res).toBeInstanceOf(FetchError);
      expect(res).toMatchObject({ code: 'private_address' });
      expect((res as FetchError).url).not.toContain('127.0.0.1');
    },
  );

  it('checks the address the socket resolves (a public-looking name that points home is refused)', async () => {
    resolved.length = 0;
    const before = server.hits.length;
    const res = await attempt(`http://rebind.test:${server.port}/page`, {}, { 'rebind.test': '127.0.0.1' });
    expect(res).toMatchObject({ code: 'private_address', url: `http://rebind.test:${server.port}/page` });
    expect(resolved).toContain('rebind.test');
    expect(server.hits.length).toBe(before);
  });

  it('connects through the same resolution when the network is allowed (control)', async () => {
    const policy = { allowedNetworks: ['127.0.0.0/8'] };
    const res = await attempt(`http://rebind.test:${server.port}/page`, policy, {
      'rebind.test': '127.0.0.1',
    });
    expect(res).toMatchObject({ kind: 'ok', text: 'local' });
  });

  it('reports a name that does not resolve as a network error', async () => {
    expect(await attempt('http://nowhere.test/', {})).toMatchObject({ code: 'network' });
  });
});
