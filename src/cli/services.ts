/**
 * @module cli/services
 * The fetcher, logger, extractor and pipeline steps the commands that read news build from the one
 * configuration. The commands that only read the record open it with cli/stores, without these.
 */
import { readConfig, type Config } from '../config.js';
import { createFetcher, type Fetcher } from '../ingest/fetch/index.js';
import { curatedTrips } from '../events/index.js';
import type { IngestDeps } from '../jobs/ingest.js';
import { writeFeeds, type FeedsDeps } from '../jobs/feeds.js';
import { deliverDue, httpPost, smtpMail, type DeliverDeps, type DeliverSummary } from '../jobs/delivery.js';
import {
  recordPending,
  syncCurated,
  type RecordPendingResult,
  type RecordPendingStore,
  type SyncStore,
} from '../jobs/record.js';
import { createLogger } from '../log.js';
import type { Store } from '../store/index.js';
import type { CreateExtractor } from '../extract/eval/index.js';
import type { CliContext } from './context.js';
import { openConfiguredStore } from './stores.js';

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
  /** The whole store: the command hands each job the part it uses. */
  deps: Omit<IngestDeps, 'store'> & { store: Store };
  close(): Promise<void>;
}

/** Opens the store (migrating it: the CLI owns the schema) and the fetcher; close both after use. */
export async function openServices(ctx: CliContext): Promise<Services> {
  const config = readConfig(ctx.env);
  const store = await openConfiguredStore(config);
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

/**
 * The pipeline's record step over the store (events, trips, alerts of every article not yet
 * recorded), with the extractor loaded once; the curated trips of the registry are merged in.
 */
export async function recorder(
  ctx: CliContext,
  store: RecordPendingStore & SyncStore,
): Promise<() => Promise<RecordPendingResult>> {
  const reg = ctx.registry();
  const extract = (await loadExtractor(ctx))(reg);
  const curated = curatedTrips(reg.trips);
  await syncCurated({ store, curated });
  return () => recordPending({ store, extract, reg, curated, now: () => new Date() });
}

/**
 * Sends the alerts' outbox to the webhooks, one pass at a time; the same address rules as fetching
 * (private addresses refused unless WW_ALLOW_PRIVATE_ADDRESSES, for tests).
 */
export function deliverer(
  config: Config,
  store: DeliverDeps['store'],
): { run: () => Promise<DeliverSummary>; close: () => Promise<void> } {
  const http = httpPost({
    timeoutMs: config.fetchTimeoutMs,
    allowPrivateAddresses: config.allowPrivateAddresses,
  });
  const smtp = config.smtpUrl ? smtpMail(config.smtpUrl, config.mailFrom) : undefined;
  return {
    run: () =>
      deliverDue({ store, post: http.post, ...(smtp ? { mail: smtp.mail } : {}), now: () => new Date() }),
    close: async () => {
      smtp?.close();
      await http.close();
    },
  };
}

/** Writes the alerts' feeds where the configuration says, for the web to serve. */
export function feedWriter(
  ctx: CliContext,
  config: Config,
  store: FeedsDeps['store'],
): () => Promise<number> {
  return () => writeFeeds({ store, reg: ctx.registry() }, config.feedsDir, config.publicUrl);
}
