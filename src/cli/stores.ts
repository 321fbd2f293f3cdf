/**
 * @module cli/stores
 * The store the configuration names, for every command; kept apart from cli/services so that the
 * commands that only read the record (trips, alerts, ledger...) do not load the fetcher, the mailer
 * and the pipeline (start-up: README).
 */
import { readConfig, type Config } from '../config.js';
import { curatedTrips } from '../events/index.js';
import { syncCurated } from '../jobs/record.js';
import { openStore, type Store } from '../store/index.js';
import type { CliContext } from './context.js';

/** The store the configuration names, migrated: the CLI owns the schema. */
export function openConfiguredStore(config: Config): Promise<Store> {
  return openStore({ url: config.databaseUrl, migrate: true });
}

/**
 * The store, for the commands that read the record, with the registry's curated trips in it, so
 * the ledger is complete before any news is read.
 */
export async function openRecordStore(ctx: CliContext): Promise<Store> {
  const store = await openConfiguredStore(readConfig(ctx.env));
  try {
    await syncCurated({ store, curated: curatedTrips(ctx.registry().trips) }, 'missing');
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
