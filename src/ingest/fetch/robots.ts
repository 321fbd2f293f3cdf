/**
 * @module ingest/fetch/robots
 * robots.txt, fetched once per origin and kept for a while, answering "may we fetch this URL?".
 */
import { createRequire } from 'node:module';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}

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

  async isAllowed(url: URL): Promise<boolean> {
    const robot = await this.robotFor(url.origin);
    // robots-parser matches groups on the product token: 'warrant-watch' from 'warrant-watch/0.1 (...)'.
    return robot?.isAllowed(url.href, this.userAgent) !== false;
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
