/**
 * SQL injection and malformed values in every query parameter and path parameter of every GET
 * route the running app has: the answer is a 4xx in the route's error shape (the JSON one under
 * /api, a page elsewhere), or a 200 that lists what the unfiltered answer lists or nothing; never
 * a 500, never a script, and the record's tables are as they were.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  offeredParams,
  rowsOf,
  securitySite,
  tableCounts,
  VOCABULARY,
  type SecuritySite,
} from './fixture.js';

/** Values as they stand in a query string (already percent-encoded where they need it). */
const PAYLOADS = [
  "' OR 1=1 --",
  '1; DROP TABLE trips',
  "' UNION SELECT email, password_hash FROM users --",
  '\u2019 OR \u20181\u2019=\u20181',
  '"><script>alert(1)</script>',
  'x'.repeat(10_000),
].map(encodeURIComponent);
const RAW = ['%27', '%2527', 'a%00b', '%ff%fe', '%', '..%2f..%2fpackage.json'];

let site: SecuritySite;
let before: Record<string, number>;
let openapi: unknown;
let pages: string[];
beforeAll(async () => {
  site = await securitySite();
  before = await tableCounts(site.store);
  openapi = (await site.send({ url: '/api/v1/openapi.json' })).json();
  const gets = site.routes.filter((r) => r.method === 'GET');
  pages = await Promise.all(gets.map(async (r) => (await site.send({ url: site.fill(r.path) })).body));
}, 60_000);
afterAll(() => site.close());

/** The error shape of the route: the one JSON body under /api, a page elsewhere. */
/** A url short enough to read in a failure. */
const short = (url: string) => (url.length > 120 ? `${url.slice(0, 120)}…` : url);

function expectRefusal(full: string, res: LightMyRequestResponse) {
  const url = short(full);
  if (url.startsWith('/api/')) {
    const body = res.json() as { error?: { code?: unknown; message?: unknown; status?: unknown } };
    expect(body.error, url).toMatchObject({ status: res.statusCode });
    expect(typeof body.error?.code, url).toBe('string');
  } else expect(String(res.headers['content-type']), url).toMatch(/^text\/html/);
}

function expectSafe(full: string, res: LightMyRequestResponse) {
  const url = short(full);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
  if (res.statusCode >= 400) expectRefusal(full, res);
  if (String(res.headers['content-type']).includes('html')) expect(res.body, url).not.toMatch(/<script/i);
  if (res.headers.location) expect(String(res.headers.location), url).toMatch(/^\/(?![/\\])/);
}

describe('every query parameter of every GET route', () => {
  it('finds the routes and their filters from the running app', () => {
    const paths = site.routes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['GET /api/v1/trips', 'GET /search', 'GET /trips/:id', 'POST /signin']),
    );
    expect(offeredParams(openapi, pages, '/api/v1/trips')).toEqual(
      expect.arrayContaining(['subject', 'country', 'status', 'updated_since', 'limit', 'cursor']),
    );
    expect(offeredParams(openapi, pages, '/duty')).toEqual(
      expect.arrayContaining(['subject', 'country', 'date']),
    );
    expect(offeredParams(openapi, pages, '/search')).toContain('q');
  });

  it('refuses or ignores injected and malformed values, with no 500 and no extra rows', async () => {
    let sent = 0;
    for (const route of site.routes.filter((r) => r.method === 'GET')) {
      const path = site.fill(route.path);
      // Signed in as a moderator, so that the filters of signed-in pages are tried too.
      const get = (url: string) => site.send({ url, headers: { cookie: site.moderator.header } });
      const baseline = await get(path);
      expectSafe(path, baseline);
      const unfiltered = baseline.statusCode < 300 ? rowsOf(baseline) : 0;
      const offered = offeredParams(openapi, pages, route.path);
      for (const name of new Set([...offered, ...VOCABULARY])) {
        // What the route offers gets every value; the rest of the vocabulary the sharpest few.
        const all = offered.includes(name) ? [...PAYLOADS, ...RAW] : [PAYLOADS[0]!, PAYLOADS[4]!, 'a%00b'];
        const values = all.map((v) => `${name}=${v}`);
        values.push(`${name}=1&${name}=2`, `${name}[]=1`, `${name}[$ne]=1`);
        for (const query of values) {
          const url = `${path}?${query}`;
          const res = await get(url);
          sent++;
          expectSafe(url, res);
          if (res.statusCode < 300 && baseline.statusCode < 300)
            expect([0, unfiltered], `${short(url)} listed ${rowsOf(res)}`).toContain(rowsOf(res));
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(await tableCounts(site.store)).toEqual(before);
  }, 240_000);
});

describe('every path parameter of every GET route', () => {
  it('refuses injected and malformed ids with a 4xx in the route shape', async () => {
    for (const route of site.routes.filter((r) => r.method === 'GET' && r.path.includes(':'))) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const good = site.fill(route.path).split('/');
      for (const name of names) {
        const at = route.path.split('/').findIndex((s) => s.includes(`:${name}`));
        for (const value of [...PAYLOADS, ...RAW]) {
          const parts = [...good];
          parts[at] = route.path.split('/')[at]!.replace(`:${name}`, value);
          const url = parts.join('/');
          const res = await site.send({ url });
          expectSafe(url, res);
          expect(res.statusCode, short(url)).toBeGreaterThanOrEqual(400);
        }
      }
    }
    expect(await tableCounts(site.store)).toEqual(before);
  }, 120_000);
});
