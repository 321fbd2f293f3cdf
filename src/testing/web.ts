/**
 * @module testing/web
 * A web server over a fresh in-memory store, for tests that call it with `inject`.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { deliverDue, httpPost, webhookTargetCheck, type DeliverSummary } from '../jobs/delivery.js';
import { curatedTrips } from '../events/index.js';
import { reviewTrip } from '../jobs/review.js';
import { silentLogger } from '../log.js';
import { tableLookup } from './lookup.js';
import { loadRegistry, type Registry } from '../registry/index.js';
import { openStore, type Store } from '../store/index.js';
import type { WebDeps } from '../web/deps.js';
import { buildServer } from '../web/server.js';

export interface TestSite {
  app: FastifyInstance;
  store: Store;
  registry: Registry;
  close(): Promise<void>;
}

export const SITE_TIME = '2026-12-04T12:00:00Z';

/**
 * The analysts' decisions as `serve` takes them (jobs/review), each one second after the one
 * before from `start`: decisions are applied in the order of their times, which a clock standing
 * still would leave to their random ids.
 */
export function reviewer(store: Store, registry: Registry, start = SITE_TIME): WebDeps['review'] {
  const curated = curatedTrips(registry.trips);
  let taken = 0;
  const now = () => new Date(Date.parse(start) + ++taken * 1000);
  return (req) => reviewTrip({ store, curated, now, newId: randomUUID }, req);
}

/** The site over an empty record (or the one `fill` writes), on a fixed clock. */
export async function testSite(
  over: Partial<WebDeps> = {},
  fill?: (store: Store) => Promise<void>,
): Promise<TestSite> {
  const store = await openStore({ url: 'sqlite::memory:', migrate: true });
  if (fill) await fill(store);
  const registry = loadRegistry();
  const app = await buildServer({
    store,
    registry,
    now: () => new Date(SITE_TIME),
    log: silentLogger,
    publicUrl: 'http://localhost:8080',
    feedsDir: '/nonexistent',
    checkWebhookUrl: webhookCheck(),
    review: reviewer(store, registry),
    ...over,
  });
  return {
    app,
    store,
    registry,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** The production check of webhook URLs over a table of names; `allowedNetworks` is the
 * test-only allowance (e.g. 127.0.0.1/32 for a receiver standing in). */
export function webhookCheck(
  opts: { names?: Record<string, readonly string[]>; allowedNetworks?: readonly string[] } = {},
) {
  return webhookTargetCheck({
    allowPrivateAddresses: false,
    allowedNetworks: opts.allowedNetworks ?? [],
    lookup: tableLookup(opts.names ?? {}),
  });
}

/** One pass of the real delivery job, the private-address guard allowing only `allowedNetworks`. */
export async function deliverOutbox(
  store: Store,
  now: () => Date,
  allowedNetworks: readonly string[],
): Promise<DeliverSummary> {
  const http = httpPost({ timeoutMs: 5000, allowPrivateAddresses: false, allowedNetworks });
  try {
    return await deliverDue({ store, post: http.post, now });
  } finally {
    await http.close();
  }
}
