/**
 * @module web/deps
 * What the web server is built from: the record, the registry, a clock and a logger, passed in by
 * the caller (the CLI's `serve`, a test), never opened here.
 */
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
}
