/**
 * @module web/deps
 * What the web server is built from: the record, the registry, a clock and a logger, passed in by
 * the caller (the CLI's `serve`, a test), never opened here. So is the one capability the web may
 * not build itself: taking an analyst's decision on a trip is the jobs' (the web does not import
 * them, DESIGN.md), and the caller hands it in.
 */
import type { Review, ReviewInput, TripRecord } from '../events/index.js';
import type { Logger } from '../log.js';
import type { Registry } from '../registry/index.js';
import type { Store } from '../store/index.js';

export interface WebDeps {
  store: Store;
  registry: Registry;
  now: () => Date;
  log: Logger;
  /** The address the site is reached at, for absolute links (feeds, shared links). */
  publicUrl: string;
  /** Where the alerts stage writes the Atom and JSON Feed documents. */
  feedsDir: string;
  /**
   * WW_TRUST_PROXY: the reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the
   * client; none by default, so that no client can name another address to escape a rate limit.
   */
  trustProxy?: string;
  /** WW_SECRET: signs cookies and delete links; when absent one is generated per database. */
  secret?: string;
  /** Why a webhook URL a user adds is refused (its address is not public...), or undefined when
   * it may be added; the delivery job's rules (jobs/delivery), given by the caller. Absent: users
   * cannot add webhooks. */
  checkWebhookUrl?: (url: string) => Promise<string | undefined>;
  /** An analyst's decision, applied as `warrant-watch review` applies it (jobs/review `reviewTrip`):
   * written with its audit entry, then the person's trips made anew. Throws an AppError with a
   * 400, 404 or 409 status when it cannot be applied. */
  review: (req: ReviewRequest) => Promise<{ review: Review; trips: TripRecord[] }>;
  /** An SMTP server is configured: commenters may ask for an e-mail when someone replies. */
  replyMail?: boolean;
  /** `false` only for a benchmark of the server itself (one client, many requests): every route is
   * otherwise limited per client address. */
  rateLimit?: false;
}

/** A decision as the web asks for it: `by` names the account, never by its e-mail address. */
export interface ReviewRequest {
  tripId: string;
  input: ReviewInput;
  by: string;
  why: string | null;
}
