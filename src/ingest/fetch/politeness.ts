/**
 * @module ingest/fetch/politeness
 * Per-host manners: one request at a time, a pause between requests, and backoff when asked.
 */

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (a scheduler waking early, a shutdown). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock, with timers that an abort clears (so a stopped scheduler leaves none behind). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

interface HostState {
  /** Settles when the request currently holding the host ends; the next one chains on it. */
  tail: Promise<void>;
  lastEnd: number;
}

/**
 * Serialises requests per host and spaces them `intervalMs` apart, measured from the end of one
 * request to the start of the next, so a slow server is never asked twice at once. Hosts are the
 * sources we read, a bounded set, so their entries are kept rather than evicted.
 */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
    /** Whether a task's failure asked nothing of the host (a refused connection): no pause follows it. */
    private readonly unreached: (err: unknown) => boolean = () => false,
  ) {}

  /** Runs `task` when the host is free and rested; `minIntervalMs` lengthens the pause (Crawl-delay). */
  async run<T>(host: string, task: () => Promise<T>, minIntervalMs = 0): Promise<T> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastEnd: Number.NEGATIVE_INFINITY };
      this.hosts.set(host, state);
    }
    const previous = state.tail;
    let release = (): void => {};
    state.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    let asked = true;
    try {
      const wait = state.lastEnd + Math.max(this.intervalMs, minIntervalMs) - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      return await task();
    } catch (e) {
      asked = !this.unreached(e);
      throw e;
    } finally {
      if (asked) state.lastEnd = this.clock.now();
      release();
    }
  }
}

/** Retry-After in milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface BackoffRules {
  backoffBaseMs: number;
  maxBackoffMs: number;
}

/**
 * How long to wait before retry number `attempt` (0-based): what the server asked for, else
 * base × 2^attempt capped at the maximum. Undefined when the server asked for longer than we are
 * willing to hold a worker: better to fail now and let the scheduler come back later.
 */
export function backoffDelay(attempt: number, retryAfterMs: number | undefined, rules: BackoffRules) {
  if (retryAfterMs !== undefined) return retryAfterMs <= rules.maxBackoffMs ? retryAfterMs : undefined;
  return Math.min(rules.backoffBaseMs * 2 ** attempt, rules.maxBackoffMs);
}
