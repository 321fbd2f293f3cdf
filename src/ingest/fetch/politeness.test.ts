import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';
import { parseRetryAfter } from './politeness.js';
import type { FetchPolicy } from './policy.js';
import { delay, fakeClock, page, redirect, startServer } from '../../testing/http-server.js';
import type { TestServer } from '../../testing/http-server.js';

let server: TestServer;
let noRobots: TestServer;
let slowPlease: TestServer;
let hourPlease: TestServer;
const tries: Record<string, number> = {};
/** Answers `status` (with Retry-After `after`) `times` times per test key, then 200. */
const flaky = (status: number, times: number, after?: (now: number) => string) =>
  ((req, res) => {
    const key = req.url ?? '';
    tries[key] = (tries[key] ?? 0) + 1;
    if (tries[key] > times) return void res.writeHead(200).end('ok');
    res.writeHead(status, after ? { 'retry-after': after(clock.now()) } : {}).end();
  }) satisfies Parameters<typeof startServer>[0][string];
let clock = fakeClock();

beforeAll(async () => {
  server = await startServer({
    '/robots.txt': page('User-agent: warrant-watch\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n', {
      'content-type': 'text/plain',
    }),
    '/slow': async (_req, res) => {
      await delay(50);
      res.end('slow');
    },
    '/open': page('open'),
    '/private/x': page('secret'),
    '/to-private': redirect('/private/x'),
    '/429-seconds': flaky(429, 1, () => '7'),
    '/429-date': flaky(429, 1, (now) => new Date(now + 30_000).toUTCString()),
    '/503-always': flaky(503, 99),
    '/429-hour': flaky(429, 99, () => '3600'),
  });
  noRobots = await startServer({ '/private/x': page('fine here') });
  const robots = (delay: number) =>
    page(`User-agent: *\nCrawl-delay: ${delay}\n`, { 'content-type': 'text/plain' });
  slowPlease = await startServer({ '/robots.txt': robots(3), '/a': page('a'), '/b': page('b') });
  hourPlease = await startServer({ '/robots.txt': robots(3600), '/a': page('a'), '/b': page('b') });
});
afterAll(async () => {
  await server.close();
  await noRobots.close();
  await slowPlease.close();
  await hourPlease.close();
});

function fetcher(policy: Partial<FetchPolicy> = {}) {
  clock = fakeClock();
  const base = {
    allowPrivateAddresses: true,
    respectRobots: false,
    perHostIntervalMs: 5_000,
    backoffBaseMs: 1_000,
  };
  return createFetcher({ ...base, ...policy }, { now: clock.now, sleep: clock.sleep });
}

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof FetchError ? e : Promise.reject(e)),
  );

describe('per-host politeness', () => {
  it('sends one request at a time per host and pauses between them', async () => {
    const f = fetcher();
    server.maxInFlight = 0;
    await Promise.all([1, 2, 3].map((i) => f.fetch(`${server.origin}/slow?${i}`)));
    await f.close();
    expect(server.maxInFlight).toBe(1);
    expect(clock.sleeps).toEqual([5_000, 5_000]);
  });

  it('does not pause after a connection the host refused: nobody was asked', async () => {
    const gone = await startServer({});
    await gone.close(); // a port just freed: nothing listens, a connection is refused at once
    const f = fetcher({ respectRobots: true });
    const failures = await Promise.all([1, 2].map((i) => failureOf(f.fetch(`${gone.origin}/feed?${i}`))));
    await f.close();
    expect(failures.map((e) => (typeof e === 'string' ? e : e.code))).toEqual(['network', 'network']);
    expect(clock.sleeps).toEqual([]); // robots.txt and two feeds, each refused, none waited for
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const f = fetcher();
    expect((await f.fetch(`${server.origin}/429-seconds`)).kind).toBe('ok');
    expect((await f.fetch(`${server.origin}/429-date`)).kind).toBe('ok');
    await f.close();
    expect(clock.sleeps).toEqual([7_000, 5_000, 30_000]); // the 5 s is the pause between the two pages
  });

  it('backs off exponentially on 503, then gives up with the status', async () => {
    const f = fetcher({ maxRetries: 3 });
    const err = await failureOf(f.fetch(`${server.origin}/503-always`));
    await f.close();
    expect(err).toMatchObject({ code: 'http_status', httpStatus: 503 });
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000]);
  });

  it('fails at once, passing on the wait, when Retry-After is longer than maxBackoffMs', async () => {
    const f = fetcher({ maxBackoffMs: 60_000 });
    const err = await failureOf(f.fetch(`${server.origin}/429-hour`));
    await f.close();
    expect(err).toMatchObject({ code: 'http_status', httpStatus: 429, retryAfterMs: 3_600_000 });
    expect(clock.sleeps).toEqual([]);
  });

  it('parses Retry-After forms', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 27))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('robots.txt', () => {
  it('refuses disallowed paths, on the first URL and on redirect hops, and loads the file once', async () => {
    const f = fetcher({ respectRobots: true, perHostIntervalMs: 0 });
    const before = server.hits.filter((h) => h === '/robots.txt').length;
    expect((await f.fetch(`${server.origin}/open`)).kind).toBe('ok');
    expect(await failureOf(f.fetch(`${server.origin}/private/x`))).toMatchObject({
      code: 'robots_disallowed',
    });
    expect(await failureOf(f.fetch(`${server.origin}/to-private`))).toMatchObject({
      code: 'robots_disallowed',
      url: `${server.origin}/private/x`,
    });
    expect(server.hits.filter((h) => h === '/robots.txt').length - before).toBe(1);
    expect(server.hits).not.toContain('/private/x');
    clock.advance(25 * 60 * 60 * 1000); // past the one-day TTL
    await f.fetch(`${server.origin}/open`);
    await f.close();
    expect(server.hits.filter((h) => h === '/robots.txt').length - before).toBe(2);
  });

  it('pauses between requests as long as Crawl-delay asks, up to a minute', async () => {
    for (const [site, pause] of [
      [slowPlease, 3_000],
      [hourPlease, 60_000],
    ] as const) {
      const f = fetcher({ respectRobots: true, perHostIntervalMs: 1_000 });
      await f.fetch(`${site.origin}/a`);
      await f.fetch(`${site.origin}/b`);
      await f.close();
      // robots.txt is read first, undelayed; then /a waits after it, and /b after /a.
      expect(clock.sleeps).toEqual([pause, pause]);
    }
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    const f = fetcher({ respectRobots: true, perHostIntervalMs: 0 });
    const res = await f.fetch(`${noRobots.origin}/private/x`);
    await f.close();
    expect(res).toMatchObject({ kind: 'ok', text: 'fine here' });
    expect(noRobots.hits).toEqual(['/robots.txt', '/private/x']);
  });
});
