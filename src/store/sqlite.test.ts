import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrations/index.js';
import { migrate } from './migrate.js';
import { openStore } from './open.js';
import { openSqlite, sqliteMigrationLock } from './sqlite.js';
import { runCommentsContract } from './comments.contract.js';
import { runRecordContract } from './record.contract.js';
import { runStoreContract, tickingClock } from './store.contract.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ww-store-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

runStoreContract('sqlite::memory:', (o) => openStore({ ...o, url: 'sqlite::memory:' }));
runStoreContract('SQLite file', (o) => openStore({ ...o, url: `sqlite:${join(tempDir(), 'ww.db')}` }));
runRecordContract('sqlite::memory:', (o) => openStore({ ...o, url: 'sqlite::memory:' }));
runRecordContract('SQLite file', (o) => openStore({ ...o, url: `sqlite:${join(tempDir(), 'ww.db')}` }));
runCommentsContract('sqlite::memory:', (o) => openStore({ ...o, url: 'sqlite::memory:' }));
runCommentsContract('SQLite file', (o) => openStore({ ...o, url: `sqlite:${join(tempDir(), 'ww.db')}` }));

describe('SQLite specifics', () => {
  it('creates the folder, uses WAL and foreign keys, and reopens a migrated file without migrating', async () => {
    const path = join(tempDir(), 'nested', 'data', 'ww.db');
    const store = await openStore({ url: path, migrate: true });
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = await openStore({ url: `sqlite:${path}` });
    expect(await again.schemaVersion()).toBe(LATEST_VERSION);
    await expect(again.upsertItem({ sourceId: 'nowhere', url: 'x' })).rejects.toThrow(/FOREIGN KEY/);
    await again.close();
  });

  it('migration 4 rewrites the publication times stored before it in the one form', async () => {
    const path = join(tempDir(), 'ww.db');
    const db = openSqlite({ kind: 'sqlite', path }, 5000);
    await migrate(db, { lock: sqliteMigrationLock, to: 3 });
    await db.destroy();
    const raw = new Database(path);
    const forms = [
      '2024-09-03',
      '2024-09-03T01:30:00+03:00',
      'Tue, 03 Sep 2024 10:00:00 GMT',
      'yesterday',
      null,
    ];
    const insert = raw.prepare(
      `insert into articles (id, url, source, published_at, fetched_at, text, content_hash, simhash, cluster_id,
         band0, band1, band2, band3, band4, band5, band6, band7)
       values (?, ?, 'test', ?, '2024-09-04T00:00:00.000Z', 'text', ?, '0000000000000000', ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
    );
    forms.forEach((p, i) => insert.run(`a${i}`, `https://news.example/${i}`, p, `hash${i}`, `a${i}`));
    raw.close();
    const store = await openStore({ url: path, migrate: true });
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    const rows = await store.dumpRows({ table: 'articles', offset: 0, limit: 10 });
    expect(rows.map((r) => [r.id, r.published_at, r.published_precision, r.published_offset])).toEqual([
      ['a0', '2024-09-03T00:00:00.000Z', 'day', null],
      ['a1', '2024-09-02T22:30:00.000Z', 'time', 180],
      ['a2', '2024-09-03T10:00:00.000Z', 'time', 0],
      ['a3', null, null, null],
      ['a4', null, null, null],
    ]);
    expect((await store.getArticle({ id: 'a1' }))?.publishedAt).toBe('2024-09-03T01:30:00.000+03:00');
    await store.close();
  });

  it('refuses a database newer than the code', async () => {
    const path = join(tempDir(), 'ww.db');
    await (await openStore({ url: path, migrate: true })).close();
    const raw = new Database(path);
    raw.prepare("insert into schema_version (version, name, applied_at) values (99, 'future', 'now')").run();
    raw.close();
    await expect(openStore({ url: path, migrate: true })).rejects.toThrow(
      `database schema is at version 99, newer than this code knows (${LATEST_VERSION})`,
    );
  });

  it('finds near-duplicate candidates through the band indexes, not a table scan', async () => {
    const path = join(tempDir(), 'ww.db');
    await (await openStore({ url: path, migrate: true, now: tickingClock() })).close();
    const raw = new Database(path);
    const bands = Array.from({ length: 8 }, (_, i) => `band${i} = ?`).join(' or ');
    const plan = raw
      .prepare(`explain query plan select id, simhash from articles where ${bands}`)
      .all(...Array.from({ length: 8 }, () => 1)) as { detail: string }[];
    raw.close();
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/MULTI-INDEX OR/);
    expect(details).not.toMatch(/SCAN articles(?! USING)/);
  });
});
