import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/postgres.js';
import { runCommentsContract } from './comments.contract.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';
import { openStore } from './open.js';
import { MIGRATION_LOCK_KEY, openPostgres } from './postgres.js';
import { parseLocation } from './location.js';
import { runRecordContract } from './record.contract.js';
import { runStoreContract } from './store.contract.js';

// A fresh database for each store the suites open, as the SQLite suites take a new file.
const fresh = (o: object) => freshDatabase().then((url) => openStore({ ...o, url }));
runStoreContract('PostgreSQL', fresh);
runRecordContract('PostgreSQL', fresh);
runCommentsContract('PostgreSQL', fresh);

/** A plain client on `url`, for what the store does not do: look at locks, write a future version. */
async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

describe('PostgreSQL specifics', () => {
  it('migrators starting at once on one new database apply each migration exactly once', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ url, migrate: true })));
    for (const s of stores) expect(await s.schemaVersion()).toBe(LATEST_VERSION);
    await Promise.all(stores.map((s) => s.close()));
    const c = await client(url);
    const { rows } = await c.query('select version from schema_version order by version');
    await c.end();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('a migrator waits for another holding the migration lock, longer than its lock timeout', async () => {
    const url = await freshDatabase();
    const holder = await client(url);
    await holder.query('begin');
    await holder.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    const opening = openStore({ url, migrate: true, busyTimeoutMs: 1 });
    // Released only once the migrator is seen waiting for the lock, however long that takes.
    for (;;) {
      const { rows } = await holder.query(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted",
      );
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await holder.query('commit');
    await holder.end();
    const store = await opening;
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    await store.close();
  });

  it('refuses a database behind the code unless asked to migrate, and one ahead of it', async () => {
    const url = await freshDatabase();
    await (await openStore({ url, migrate: true })).close();
    const c = await client(url);
    await c.query(`delete from schema_version where version = ${LATEST_VERSION}`);
    await expect(openStore({ url })).rejects.toMatchObject({
      code: 'stale_schema',
      message: expect.stringContaining(
        `version ${LATEST_VERSION - 1}, this code needs version ${LATEST_VERSION}`,
      ),
    });
    await c.query("insert into schema_version (version, name, applied_at) values (99, 'future', 'now')");
    await c.end();
    await expect(openStore({ url, migrate: true })).rejects.toMatchObject({
      code: 'stale_schema',
      message: expect.stringContaining(`version 99, newer than this code knows (${LATEST_VERSION})`),
    });
  });

  it('refuses a database whose text order is not byte order, before touching it', async () => {
    const url = await freshDatabase({ locale: "LOCALE_PROVIDER icu ICU_LOCALE 'en' LOCALE 'C'" });
    await expect(openStore({ url, migrate: true })).rejects.toMatchObject({
      code: 'unsupported_database',
      message: expect.stringContaining("LOCALE 'C'"),
    });
    const c = await client(url);
    const { rows } = await c.query("select count(*)::int as n from pg_tables where schemaname = 'public'");
    await c.end();
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('reads int8 (counts, bigint) as numbers, as SQLite gives them', async () => {
    const db = openPostgres(parseLocation(await freshDatabase()) as { kind: 'postgres'; url: string }, 5000);
    const { rows } = await sql<{
      n: unknown;
      big: unknown;
    }>`select count(*) as n, 9007199254740991::int8 as big`.execute(db);
    await db.destroy();
    expect(rows).toEqual([{ n: 1, big: Number.MAX_SAFE_INTEGER }]);
  });

  it('names the database it cannot reach, without its password', async () => {
    const failure = openStore({ url: 'postgres://ww:s3cret-pw@127.0.0.1:1/ww' });
    await expect(failure).rejects.toMatchObject({
      code: 'unsupported_database',
      message: expect.stringContaining('cannot open postgres://ww:***@127.0.0.1:1/ww: '),
    });
    await expect(failure).rejects.not.toThrow(/s3cret-pw/);
  });
});
