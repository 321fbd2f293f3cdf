/**
 * @module store/open
 * Opens the store a DATABASE_URL-style location names, through its dialect's adapter
 * (store/sqlite, store/postgres), checks the schema version and migrates only when asked, under
 * the dialect's migration lock.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NEAR_DUPLICATE_DISTANCE } from '../ingest/dedup/index.js';
import type { FailPoint } from './context.js';
import { kyselyStore } from './kysely-store.js';
import { parseLocation, type Location } from './location.js';
import { checkSchema, migrate } from './migrate.js';
import { checkByteOrder, openPostgres, postgresMigrationLock } from './postgres.js';
import type { MigrationLock } from './migrate.js';
import type { DB } from './schema.js';
import { openSqlite, sqliteMigrationLock } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** `sqlite:./data/warrant-watch.db` (the default), `sqlite::memory:`, a plain path, or `postgres://...`. */
  url?: string;
  /** Apply pending migrations; without it a database behind the code is refused. */
  migrate?: boolean;
  /** Milliseconds a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  now?: () => Date;
  newId?: () => string;
  /** Tests only: called between the steps of multi-step writes, to simulate a crash. */
  failpoint?: (point: FailPoint) => void;
  /** Largest SimHash distance treated as a near-duplicate; must stay below the 8 bands. */
  nearDistance?: number;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const location = parseLocation(options.url);
  const { db, lock, check } = openAdapter(location, options.busyTimeoutMs ?? 5000);
  const now = options.now ?? (() => new Date());
  try {
    await check(db);
    if (options.migrate) await migrate(db, { lock, now });
    await checkSchema(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return kyselyStore({
    db,
    now,
    newId: options.newId ?? randomUUID,
    failpoint: options.failpoint ?? (() => {}),
    nearDistance: Math.min(options.nearDistance ?? NEAR_DUPLICATE_DISTANCE, NEAR_DUPLICATE_DISTANCE),
  });
}

interface Adapter {
  db: Kysely<DB>;
  lock: MigrationLock;
  /** What the dialect checks before anything is read or written. */
  check(db: Kysely<DB>): Promise<void>;
}

/** One adapter per dialect: the connection, its migration lock, its own checks. */
function openAdapter(location: Location, busyTimeoutMs: number): Adapter {
  if (location.kind === 'postgres') {
    const check = (db: Kysely<DB>) => checkByteOrder(db, location);
    return { db: openPostgres(location, busyTimeoutMs), lock: postgresMigrationLock, check };
  }
  return { db: openSqlite(location, busyTimeoutMs), lock: sqliteMigrationLock, check: async () => {} };
}
