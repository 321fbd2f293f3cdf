/**
 * @module store/open
 * Opens the store a DATABASE_URL-style location names: SQLite through better-sqlite3 (WAL, foreign
 * keys, a busy timeout), checks the schema version and migrates only when asked.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { NEAR_DUPLICATE_DISTANCE } from '../ingest/dedup/index.js';
import type { FailPoint } from './context.js';
import { kyselyStore } from './kysely-store.js';
import { parseLocation } from './location.js';
import { checkSchema, migrate } from './migrate.js';
import type { DB } from './schema.js';
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
  let sqlite: Database.Database;
  if (location.kind === 'sqlite-memory') {
    sqlite = new Database(':memory:');
  } else {
    mkdirSync(dirname(location.path), { recursive: true });
    sqlite = new Database(location.path);
    // WAL: readers do not block the writer nor it them. Connection settings, not query SQL.
    sqlite.pragma('journal_mode = WAL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const now = options.now ?? (() => new Date());
  try {
    if (options.migrate) await migrate(db, { now });
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
