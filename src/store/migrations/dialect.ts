/**
 * @module store/migrations/dialect
 * The few column types that must be spelled per dialect, for the migrations that need them; the
 * SQLite spelling is the one its released migrations always used, so their effect there is unchanged.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export const isPostgres = (db: Kysely<unknown>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * An 8-byte float: SQLite's REAL is one, PostgreSQL's `real` only 4 bytes (a confidence of
 * 0.123456789 would come back as 0.12345679), so PostgreSQL gets `double precision`.
 */
export const float8 = (db: Kysely<unknown>) => (isPostgres(db) ? 'double precision' : 'real');
