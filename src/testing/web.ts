/**
 * @module testing/web
 * A web server over a fresh in-memory store, for tests that call it with `inject`.
 */
import type { FastifyInstance } from 'fastify';
import { silentLogger } from '../log.js';
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
    now: () => new Date('2026-12-04T12:00:00Z'),
    log: silentLogger,
    publicUrl: 'http://localhost:8080',
    feedsDir: '/nonexistent',
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
