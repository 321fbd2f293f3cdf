/**
 * @module store/open
 * Opens the store a DATABASE_URL-style location names, through its dialect's adapter (SQLite
 * today: store/sqlite), checks the schema version and migrates only when asked, under the
 * dialect's migration lock.
 */
import { randomUUID } from 'node:crypto';
import { NEAR_DUPLICATE_DISTANCE } from '../ingest/dedup/index.js';
import type { FailPoint } from './context.js';
import { kyselyStore } from './kysely-store.js';
import { parseLocation } from './location.js';
import { checkSchema, migrate } from './migrate.js';
import { openSqlite, sqliteMigrationLock } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** `sqlite:./data/warrant-watch.db` (the default), `sqlite::memory:`, or a plain path. */
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
  // One adapter per dialect: the connection and its migration lock (PostgreSQL: an advisory lock).
  const db = openSqlite(location, options.busyTimeoutMs ?? 5000);
  const lock = sqliteMigrationLock;
  const now = options.now ?? (() => new Date());
  try {
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
