/**
 * @module cli/services
 * The store, fetcher and logger every I/O command builds from the one configuration.
 */
import { readConfig, type Config } from '../config.js';
import { createFetcher, type Fetcher } from '../ingest/fetch/index.js';
import type { IngestDeps } from '../jobs/ingest.js';
import { createLogger } from '../log.js';
import { openStore, type Store } from '../store/index.js';
import type { CreateExtractor } from '../extract/eval/index.js';
import type { CliContext } from './context.js';

export function fetcherFor(config: Config): Fetcher {
  return createFetcher({
    userAgent: config.userAgent,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    perHostIntervalMs: config.perHostIntervalMs,
    allowPrivateAddresses: config.allowPrivateAddresses,
    respectRobots: config.respectRobots,
  });
}

export interface Services {
  config: Config;
  deps: IngestDeps;
  close(): Promise<void>;
}

/** Opens the store (migrating it: the CLI owns the schema) and the fetcher; close both after use. */
export async function openServices(ctx: CliContext): Promise<Services> {
  const config = readConfig(ctx.env);
  const store: Store = await openStore({ url: config.databaseUrl, migrate: true });
  const fetcher = fetcherFor(config);
  return {
    config,
    deps: { store, fetcher, now: () => new Date(), log: createLogger(config.logLevel) },
    close: async () => {
      await fetcher.close();
      await store.close();
    },
  };
}

/**
 * The extractor, loaded when a command needs it: its module graph (chrono-node, the lexicons'
 * code) is a third of the CLI's start-up, which `duty` and `watch` need not pay. Its data is read
 * here, at the edge; a lexicon entry that had to be left out is logged as a warning.
 */
export async function loadExtractor(ctx?: CliContext): Promise<CreateExtractor> {
  const [{ createExtractor }, { loadExtractorData }] = await Promise.all([
    import('../extract/index.js'),
    import('../extract/load.js'),
  ]);
  const data = loadExtractorData();
  if (data.lexicons.problems.length) {
    const log = createLogger(readConfig(ctx?.env ?? {}).logLevel);
    for (const problem of data.lexicons.problems) log.warn({ error: problem }, 'lexicon entry left out');
  }
  return (reg) => createExtractor(reg, data);
}
