/**
 * @module store/sqlite
 * The SQLite adapter: a better-sqlite3 connection (WAL, foreign keys, a busy timeout) under
 * Kysely, and SQLite's migration lock. Everything above it (kysely-store) is dialect-neutral.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import type { Location } from './location.js';
import { commitAfter, type MigrationLock } from './migrate.js';
import type { DB } from './schema.js';

export function openSqlite(
  location: Extract<Location, { kind: 'sqlite' | 'sqlite-memory' }>,
  busyTimeoutMs: number,
): Kysely<DB> {
  let sqlite: Database.Database;
  if (location.kind === 'sqlite-memory') {
    sqlite = new Database(':memory:');
  } else {
    mkdirSync(dirname(location.path), { recursive: true });
    sqlite = new Database(location.path);
  }
  // WAL: readers do not block the writer nor it them. Connection settings, not query SQL.
  // Switching a new file to WAL takes a lock that another process opening or migrating the file
  // holds for as long as it runs: wait for it as a migrator waits (a file in WAL already needs none).
  sqlite.pragma(`busy_timeout = ${MIGRATION_WAIT_MS}`);
  if (location.kind === 'sqlite') untilFree(() => sqlite.pragma('journal_mode = WAL'));
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * Runs `step` again while SQLite answers SQLITE_BUSY without waiting: a statement that reads and
 * then must write (the switch to WAL) is refused at once, not after the busy timeout, when another
 * connection holds the lock it needs, since waiting could deadlock.
 */
function untilFree(step: () => unknown): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + MIGRATION_WAIT_MS; ;) {
    try {
      step();
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > end) throw e;
      Atomics.wait(pause, 0, 0, 20); // opening is synchronous: a short blocking pause, then again
    }
  }
}

/** How long a migrator waits for another's migration: one over a million rows takes a minute. */
export const MIGRATION_WAIT_MS = 600_000;

/**
 * BEGIN IMMEDIATE takes the database's write lock before the transaction reads anything, so a
 * second migrator waits and then reads the version the first committed. Kysely's own
 * transactions begin DEFERRED, which would let both read the old version. The wait is
 * MIGRATION_WAIT_MS, not the connection's busy timeout, which a long migration outlasts.
 */
export const sqliteMigrationLock: MigrationLock = (db, fn) =>
  db.connection().execute(async (conn) => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
    const busy = Number(rows[0]?.timeout ?? 0);
    await sql.raw(`pragma busy_timeout = ${MIGRATION_WAIT_MS}`).execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
    } finally {
      await sql.raw(`pragma busy_timeout = ${busy}`).execute(conn);
    }
    return commitAfter(conn, fn);
  });
