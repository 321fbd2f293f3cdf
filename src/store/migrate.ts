/**
 * @module store/migrate
 * Applies pending migrations, each in its own transaction with its schema_version row, under the
 * dialect's migration lock, and tells whether a database is at the version the code expects.
 */
import { sql, type Kysely } from 'kysely';
import { StoreError } from './errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import type { DB } from './schema.js';

/** The last migration applied to `db`; 0 for an empty database. */
export async function schemaVersion(db: Kysely<DB>): Promise<number> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === 'schema_version')) return 0;
  const row = await db
    .selectFrom('schema_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Runs `fn` in one transaction, on one connection, that no other migrator of the same database
 * enters until it ends: the dialect's own lock (SQLite: BEGIN IMMEDIATE, the write lock taken
 * before the first read; PostgreSQL: pg_advisory_xact_lock in the transaction). A throw rolls
 * the transaction back.
 */
export type MigrationLock = <T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>) => Promise<T>;

/** The end of a lock's transaction, begun by the lock on `conn`: commit after `fn`, rollback if it throws. */
export async function commitAfter<T>(conn: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  try {
    const result = await fn(conn);
    await sql`commit`.execute(conn);
    return result;
  } catch (e) {
    await sql`rollback`.execute(conn);
    throw e;
  }
}

export interface MigrateOptions {
  lock: MigrationLock;
  now?: () => Date;
  /** Stop at this version (tests of a migration over rows of the version before). */
  to?: number;
}

/**
 * Applies every migration above the database's version, in order; returns the versions applied.
 * Each is checked and applied under the lock, one transaction each: a second process starting at
 * the same time waits, then finds the version the first left and applies only what is missing (a
 * failure leaves the database at the previous version).
 */
export async function migrate(db: Kysely<DB>, options: MigrateOptions): Promise<number[]> {
  const now = options.now ?? (() => new Date());
  const applied: number[] = [];
  for (;;) {
    const version = await options.lock(db, async (trx) => {
      await trx.schema
        .createTable('schema_version')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const from = await schemaVersion(trx);
      assertNotNewer(from);
      const m = MIGRATIONS.find((x) => x.version > from && x.version <= (options.to ?? Infinity));
      if (!m) return undefined;
      await m.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('schema_version')
        .values({ version: m.version, name: m.name, applied_at: now().toISOString() })
        .execute();
      return m.version;
    });
    if (version === undefined) return applied;
    applied.push(version);
  }
}

/** Refuses a database that is behind (unless it will be migrated) or ahead of this code. */
export async function checkSchema(db: Kysely<DB>): Promise<void> {
  const version = await schemaVersion(db);
  assertNotNewer(version);
  if (version < LATEST_VERSION) {
    throw new StoreError(
      'stale_schema',
      `database schema is at version ${version}, this code needs version ${LATEST_VERSION}: ` +
        `run the migrations (warrant-watch migrate, or openStore({ migrate: true }))`,
    );
  }
}

function assertNotNewer(version: number): void {
  if (version > LATEST_VERSION) {
    throw new StoreError(
      'stale_schema',
      `database schema is at version ${version}, newer than this code knows (${LATEST_VERSION}): ` +
        `upgrade warrant-watch`,
    );
  }
}
