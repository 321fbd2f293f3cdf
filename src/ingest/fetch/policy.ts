/**
 * @module ingest/fetch/policy
 * What the fetcher allows itself: timeouts, size caps, redirects, politeness, address rules.
 */
import ipaddr from 'ipaddr.js';

export interface FetchPolicy {
  /** Sent on every request and matched against robots.txt groups by its product token. */
  userAgent: string;
  /** One deadline for the whole exchange (connect, headers and the full body) of each request. */
  timeoutMs: number;
  /** Cap on the body after decompression: what we would hold in memory. */
  maxBytes: number;
  /** A compressed body that inflates more than this many times its size is refused as a bomb. */
  maxInflateRatio: number;
  maxRedirects: number;
  /** Tests and private deployments only: lets the fetcher reach loopback and private networks. */
  allowPrivateAddresses: boolean;
  /** CIDRs reachable even when private addresses are refused (an intranet feed server, a test). */
  allowedNetworks: string[];
  respectRobots: boolean;
  /** How long a host's robots.txt is trusted before it is fetched again. */
  robotsTtlMs: number;
  /** Minimum pause between the end of one request to a host and the start of the next. */
  perHostIntervalMs: number;
  /** Retries after 429/503; the wait doubles from backoffBaseMs unless Retry-After says otherwise. */
  maxRetries: number;
  backoffBaseMs: number;
  /** The longest wait we accept; a longer Retry-After fails at once so a scheduler can come back. */
  maxBackoffMs: number;
}

export const defaultPolicy: Readonly<FetchPolicy> = Object.freeze({
  userAgent: 'warrant-watch/0.1 (+https://github.com/warrant-watch/warrant-watch)',
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  // Real HTML and feeds inflate 3–20×; gzip's ceiling is ~1030×. 200× leaves room for very
  // repetitive markup while stopping bombs long before they reach maxBytes.
  maxInflateRatio: 200,
  maxRedirects: 5,
  allowPrivateAddresses: false,
  allowedNetworks: [],
  respectRobots: true,
  robotsTtlMs: 24 * 60 * 60 * 1000,
  perHostIntervalMs: 1_000,
  maxRetries: 3,
  backoffBaseMs: 2_000,
  maxBackoffMs: 60_000,
});

const NUMBERS = [
  'timeoutMs',
  'maxBytes',
  'maxInflateRatio',
  'maxRedirects',
  'robotsTtlMs',
  'perHostIntervalMs',
  'maxRetries',
  'backoffBaseMs',
  'maxBackoffMs',
] as const satisfies readonly (keyof FetchPolicy)[];

/** The defaults overlaid with `partial`; a bad value is a programming error and throws at once. */
export function resolvePolicy(partial: Partial<FetchPolicy> = {}): FetchPolicy {
  const policy: FetchPolicy = { ...defaultPolicy, ...partial };
  for (const key of NUMBERS) {
    const v = policy[key];
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`fetch policy: ${key} must be ≥ 0, got ${v}`);
  }
  if (!policy.userAgent.trim()) throw new RangeError('fetch policy: userAgent is empty');
  for (const cidr of policy.allowedNetworks) {
    if (!ipaddr.isValidCIDR(cidr)) throw new RangeError(`fetch policy: not a CIDR: ${cidr}`);
  }
  return policy;
}
