/**
 * @module ingest/fetch/fetcher
 * createFetcher: redirects re-checked hop by hop, robots.txt (rules and Crawl-delay), per-host
 * politeness and retries.
 */
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { addressGuard, guardedLookup } from './address.js';
import { FetchError, unreached } from './errors.js';
import { exchange } from './exchange.js';
import type { Exchange, ExchangeContext } from './exchange.js';
import { HostGate, backoffDelay, parseRetryAfter } from './politeness.js';
import type { Clock } from './politeness.js';
import { resolvePolicy } from './policy.js';
import type { FetchPolicy } from './policy.js';
import { RobotsCache } from './robots.js';
import type { FetchOptions, FetchResult } from './types.js';

export interface FetcherDeps {
  /** Milliseconds since the epoch; drives politeness, robots TTL and fetchedAt (not the timeouts). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Name resolution, as dns.lookup; tests map made-up names to chosen addresses. */
  lookup?: LookupFunction;
}

export interface Fetcher {
  /** GET `url`, following redirects; resolves to a result or rejects with a FetchError. */
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/** robots.txt files are small; Google reads only the first 500 KiB (RFC 9309 §2.5 asks ≥ 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;

export function createFetcher(partial: Partial<FetchPolicy> = {}, deps: FetcherDeps = {}): Fetcher {
  const policy = resolvePolicy(partial);
  const clock: Clock = {
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
  const allowed = addressGuard(policy);
  const dispatcher = new Agent({
    // The guard runs inside the socket's own resolution: the address checked is the one dialled.
    connect: { lookup: guardedLookup(allowed, deps.lookup), timeout: policy.timeoutMs },
    headersTimeout: policy.timeoutMs,
    bodyTimeout: policy.timeoutMs,
  });
  const ctx: ExchangeContext = { policy, dispatcher, fetchedAt: () => new Date(clock.now()).toISOString() };
  const gate = new HostGate(policy.perHostIntervalMs, clock, unreached);
  const robotsCtx: ExchangeContext = { ...ctx, policy: { ...policy, maxBytes: ROBOTS_MAX_BYTES } };
  const robots = new RobotsCache(
    async (robotsUrl) => {
      const res = await follow(robotsCtx, robotsUrl, { accept: 'text/plain' }, false);
      return res.kind === 'ok' ? res.text : null;
    },
    policy.userAgent,
    policy.robotsTtlMs,
    clock.now,
  );

  /** Checks what can be checked before connecting: the scheme, and IP literals (never resolved). */
  function target(href: string): URL {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      throw new FetchError('bad_url', href, 'not an absolute URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('unsupported_scheme', href, `scheme ${url.protocol} is not fetched`);
    }
    if (url.username || url.password) throw new FetchError('bad_url', href, 'credentials in URL');
    url.hash = '';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !allowed(host))
      throw new FetchError('private_address', url.href, `${host} is not public`);
    return url;
  }

  /** One request with 429/503 retries, holding the host for the whole of it (backoff included). */
  async function withRetries(
    c: ExchangeContext,
    url: URL,
    opts: FetchOptions,
    crawlDelayMs: number | undefined,
  ): Promise<Exchange> {
    return gate.run(
      url.host,
      async () => {
        for (let attempt = 0; ; attempt++) {
          const res = await exchange(c, url, opts);
          if (res.kind !== 'retry') return res;
          const retryAfterMs = parseRetryAfter(res.retryAfter, clock.now());
          const delay = backoffDelay(attempt, retryAfterMs, policy);
          if (attempt >= policy.maxRetries || delay === undefined) {
            const details = { status: res.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
            throw new FetchError(
              'http_status',
              url.href,
              `HTTP ${res.status} after ${attempt + 1} tries`,
              details,
            );
          }
          await clock.sleep(delay);
        }
      },
      crawlDelayMs,
    );
  }

  async function follow(c: ExchangeContext, href: string, opts: FetchOptions, obeyRobots: boolean) {
    let url = target(href);
    for (let hops = 0; ; hops++) {
      const manners = obeyRobots ? await robots.ask(url) : undefined;
      if (manners && !manners.allowed) {
        throw new FetchError('robots_disallowed', url.href, 'disallowed by robots.txt');
      }
      const res = await withRetries(c, url, opts, manners?.crawlDelayMs);
      if (res.kind !== 'redirect') return res as FetchResult;
      if (hops >= policy.maxRedirects) {
        throw new FetchError('too_many_redirects', href, `more than ${policy.maxRedirects} redirects`);
      }
      url = target(new URL(res.location, url).href);
    }
  }

  return {
    fetch: (url, opts = {}) => follow(ctx, url, opts, policy.respectRobots),
    close: () => dispatcher.close(),
  };
}
