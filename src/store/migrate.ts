/**
 * @module store/migrate
 * Applies pending migrations, each in its own transaction with its schema_version row, and tells
 * whether a database is at the version the code expects.
 */
import type { Kysely } from 'kysely';
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

/** Applies every migration above the database's version, in order; returns the versions applied. */
export async function migrate(db: Kysely<DB>, options: { now?: () => Date } = {}): Promise<number[]> {
  const now = options.now ?? (() => new Date());
  await db.schema
    .createTable('schema_version')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const from = await schemaVersion(db);
  assertNotNewer(from);
  const applied: number[] = [];
  for (const m of MIGRATIONS.filter((x) => x.version > from)) {
    // One transaction per migration: a failure leaves the database at the previous version.
    // Two processes migrating at once collide on the schema_version key and one rolls back.
    await db.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>);
      await trx
        .insertInto('schema_version')
        .values({ version: m.version, name: m.name, applied_at: now().toISOString() })
        .execute();
    });
    applied.push(m.version);
  }
  return applied;
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
