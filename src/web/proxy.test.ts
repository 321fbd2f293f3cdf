import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../config.js';
import { testSite, type TestSite } from '../testing/web.js';

/** Posts malformed comments (nothing stored) as `client`, told by X-Forwarded-For; the statuses. */
async function post(site: TestSite, client: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    const r = await site.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      payload: '{}',
    });
    statuses.push(r.statusCode);
  }
  return statuses;
}

describe('the clients behind a reverse proxy', () => {
  let direct: TestSite;
  let proxied: TestSite;
  beforeAll(async () => {
    direct = await testSite();
    proxied = await testSite({ trustProxy: '127.0.0.1' }); // inject's requests come from 127.0.0.1
  });
  afterAll(async () => {
    await direct.close();
    await proxied.close();
  });

  it('are told apart by X-Forwarded-For from a trusted proxy, each with his own rate limit', async () => {
    expect(await post(proxied, '203.0.113.5', 11)).toEqual([...Array(10).fill(400), 429]);
    expect(await post(proxied, '203.0.113.6', 1)).toEqual([400]);
  });

  it('cannot escape a rate limit by naming another address when no proxy is trusted', async () => {
    expect(await post(direct, '203.0.113.5', 10)).toEqual(Array(10).fill(400));
    expect(await post(direct, '203.0.113.6', 1)).toEqual([429]);
  });
});

describe('WW_TRUST_PROXY', () => {
  it('takes addresses and CIDR ranges, and names what it cannot read', () => {
    expect(readConfig({}).trustProxy).toBeUndefined();
    expect(readConfig({ WW_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,fd00::/8' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8,fd00::/8',
    );
    for (const bad of ['true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1'])
      expect(() => readConfig({ WW_TRUST_PROXY: bad })).toThrow(ConfigError);
    expect(() => readConfig({ WW_TRUST_PROXY: 'true' })).toThrow(
      /WW_TRUST_PROXY.*"true" is not an IP address/,
    );
  });
});
