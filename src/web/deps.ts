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
  /** WW_SECRET: signs cookies and delete links; when absent one is generated per database. */
  secret?: string;
  /** `false` only for a benchmark of the server itself (one client, many requests): every route is
   * otherwise limited per client address. */
  rateLimit?: false;
}
