/**
 * @module store/postgres
 * The PostgreSQL adapter: a node-postgres pool under Kysely, with what makes it answer as the
 * SQLite one does (int8 read as numbers, write transactions one at a time, byte order for text),
 * and PostgreSQL's migration lock. Everything above it (kysely-store) is dialect-neutral.
 */
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  sql,
  type DatabaseConnection,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { StoreError } from './errors.js';
import { redact, type Location } from './location.js';
import { commitAfter, type MigrationLock } from './migrate.js';
import type { DB } from './schema.js';

/** Advisory-lock keys (one 64-bit key space per database): arbitrary, fixed, distinct. */
export const MIGRATION_LOCK_KEY = 0x77770001;
const WRITER_LOCK_KEY = 0x77770002;

const INT8 = 20;

/**
 * int8 (COUNT(*), bigint columns) as a number, as SQLite gives it; pg's default is a string. Per
 * pool, not pg's global parser table, so nothing else in the process is changed.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

type PostgresLocation = Extract<Location, { kind: 'postgres' }>;

export function openPostgres(location: PostgresLocation, busyTimeoutMs: number): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: location.url,
    types,
    // A writer waits this long for another's lock, as SQLite's busy timeout does (0 would mean
    // forever in PostgreSQL, so at least 1 ms).
    lock_timeout: Math.max(1, Math.trunc(busyTimeoutMs)),
  });
  // An idle connection the server drops must not crash the process: the next query reports it.
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new SerialWritesDialect({ pool }) });
}

/**
 * SQLite runs one write transaction at a time, and the query modules count on it (the next
 * alert's seq is MAX(seq) + 1, a webhook cap is a count and then an insert). Under PostgreSQL's
 * READ COMMITTED two such transactions would interleave: each transaction here first takes one
 * transaction-scoped advisory lock, so they queue as they would on SQLite. Single statements
 * (upserts with ON CONFLICT) are atomic without it and run in parallel.
 */
class SerialWritesDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITER_LOCK_KEY})`));
  }
}

class SerialWritesDialect extends PostgresDialect {
  constructor(private readonly settings: PostgresDialectConfig) {
    super(settings);
  }
  override createDriver() {
    return new SerialWritesDriver(this.settings);
  }
}

/**
 * pg_advisory_xact_lock in the migration's transaction: a second migrator waits there however
 * long the first takes (no lock timeout for it, as SQLite's MIGRATION_WAIT_MS), then reads the
 * version the first committed, since under READ COMMITTED each statement sees what was committed
 * before it began. Begun by hand, not through Kysely's transaction, so as not to take the writers'
 * lock under the connection's lock timeout first.
 */
export const postgresMigrationLock: MigrationLock = (db, fn) =>
  db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    return commitAfter(conn, async (trx) => {
      await sql`set local lock_timeout = 0`.execute(trx);
      await sql.raw(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`).execute(trx);
      return fn(trx);
    });
  });

/** Texts in SQLite's order (bytes, BINARY): what the database's default collation must give. */
const PROBE = ['B', 'a', '_', '-', 'Z9', 'z', 'é', '2024-09-03T10:00:00.000Z', '2024-09-03 10'];

/**
 * Refuses a database whose text order is not byte order: ids and ISO times are compared and
 * ordered as text (keyset pages, cursors), and a linguistic collation (en_US, ICU) orders 'a'
 * before 'B' and skips punctuation, so pages would repeat or lose rows.
 */
export async function checkByteOrder(db: Kysely<DB>, location: PostgresLocation): Promise<void> {
  const values = sql.join(PROBE.map((p) => sql`(${p}::text)`));
  const { rows } = await sql<{ x: string }>`select x from (values ${values}) as v(x) order by x`
    .execute(db)
    .catch((e: Error) => {
      // The first query: where it fails, the server is unreachable or refuses us. Say which one.
      throw new StoreError('unsupported_database', `cannot open ${redact(location.url)}: ${e.message}`);
    });
  const expected = [...PROBE].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (rows.map((r) => r.x).join('\n') !== expected.join('\n')) {
    throw new StoreError(
      'unsupported_database',
      'the PostgreSQL database does not order text by bytes as SQLite does (ids and times are ' +
        "compared as text): create it with CREATE DATABASE ... TEMPLATE template0 LOCALE 'C'",
    );
  }
}
