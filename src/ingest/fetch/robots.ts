/**
 * @module ingest/fetch/robots
 * robots.txt, fetched once per origin and kept for a while, answering "may we fetch this URL, and
 * how long must we pause between requests?" (Disallow/Allow and Crawl-delay).
 */
import { createRequire } from 'node:module';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  /** Seconds, as the file's Crawl-delay line for our group says. */
  getCrawlDelay(ua?: string): number | undefined;
}

/** What robots.txt says of one URL. */
export interface RobotsAnswer {
  allowed: boolean;
  /** The pause asked for between two requests to the host (Crawl-delay), when there is one. */
  crawlDelayMs?: number;
}

// A Crawl-delay beyond this is read as this: a file asking for an hour would hold a worker for an
// hour per request; a minute keeps a source readable at the pace feeds are polled.
const MAX_CRAWL_DELAY_MS = 60_000;

// robots-parser is CommonJS (`module.exports = fn`) but its typings declare an ES default export,
// which NodeNext resolution reads as `{ default: fn }`; requiring it states what really loads.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;

/** Loads a robots.txt body; null when there is none to obey (4xx, 5xx, network failure). */
export type RobotsLoader = (robotsUrl: string) => Promise<string | null>;

interface Entry {
  expires: number;
  robot: Promise<Robot | null>;
}

/**
 * Caches the parsed file per origin (scheme, host and port: RFC 9309 §2.3 scopes a robots.txt to
 * exactly that). The cache holds the promise, so concurrent fetches to a new host share one load.
 * A file that cannot be loaded allows everything, as after a 404; RFC 9309 would disallow all
 * after a 5xx, which for us would silence a source on one bad deploy of its robots.txt.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: RobotsLoader,
    private readonly userAgent: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async ask(url: URL): Promise<RobotsAnswer> {
    const robot = await this.robotFor(url.origin);
    // robots-parser matches groups on the product token: 'warrant-watch' from 'warrant-watch/0.1 (...)'.
    const allowed = robot?.isAllowed(url.href, this.userAgent) !== false;
    const delay = robot?.getCrawlDelay(this.userAgent);
    if (delay === undefined || !Number.isFinite(delay) || delay <= 0) return { allowed };
    return { allowed, crawlDelayMs: Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) };
  }

  private robotFor(origin: string): Promise<Robot | null> {
    const cached = this.entries.get(origin);
    if (cached && cached.expires > this.now()) return cached.robot;
    const robotsUrl = `${origin}/robots.txt`;
    const robot = this.load(robotsUrl).then(
      (text) => (text === null ? null : robotsParser(robotsUrl, text)),
      () => null,
    );
    this.entries.set(origin, { expires: this.now() + this.ttlMs, robot });
    return robot;
  }
}
