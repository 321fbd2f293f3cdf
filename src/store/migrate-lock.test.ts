/**
 * Processes that start at once on one new database file migrate it once: each takes the migration
 * lock, finds the version the one before it left, and applies only what is still missing.
 * Real child processes (the built store, dist/), released together from a barrier.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';

const root = join(import.meta.dirname, '..', '..');
const store = join(root, 'dist', 'store', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'ww-migrate-lock-'));
const PROCESSES = 6;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = join(dir, 'migrate.mjs');

// Each child loads the store, says it is ready, waits for the go file, then opens and migrates.
const child = `
import { existsSync, writeFileSync } from 'node:fs';
const [storeUrl, db, ready, go, busyTimeoutMs] = process.argv.slice(2);
const { openStore } = await import(storeUrl);
writeFileSync(ready, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 1));
const store = await openStore({ url: 'sqlite:' + db, migrate: true, busyTimeoutMs: Number(busyTimeoutMs ?? 5000) });
process.stdout.write(String(await store.schemaVersion()));
await store.close();
`;

function run(script: string, args: string[]) {
  const p = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    p.on('exit', (code) => resolve({ code, out, err })),
  );
}

it('six processes migrating one new file at once apply each migration exactly once', async () => {
  expect(existsSync(store), 'dist/ is missing: npm test builds it first').toBe(true);
  writeFileSync(script, child);
  const db = join(dir, 'ww.db');
  const go = join(dir, 'go');
  const runs = Array.from({ length: PROCESSES }, (_, i) =>
    run(script, [pathToFileURL(store).href, db, join(dir, `ready-${i}`), go]),
  );
  const ready = () => readdirSync(dir).filter((f) => /^ready-\d+$/.test(f)).length;
  for (let waited = 0; ready() < PROCESSES && waited < 60_000; waited += 5)
    await new Promise((r) => setTimeout(r, 5));
  writeFileSync(go, '');
  const results = await Promise.all(runs);
  for (const r of results) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  expect(results.map((r) => Number(r.out))).toEqual(results.map(() => MIGRATIONS.length));
  const raw = new Database(db, { readonly: true });
  const versions = raw.prepare('select version from schema_version order by version').all();
  raw.close();
  expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
}, 120_000);

it('a migrator waits for another one holding the lock longer than its busy timeout', async () => {
  writeFileSync(script, child);
  const db = join(dir, 'held.db');
  const go = join(dir, 'go-held');
  const ready = join(dir, 'ready-held');
  // Another migrator, in the middle of a long migration: it holds the write lock.
  const holder = new Database(db);
  holder.pragma('journal_mode = WAL');
  holder.exec('begin immediate');
  writeFileSync(go, '');
  // A busy timeout of 0: only the migration lock's own wait keeps it from failing at once.
  const waiting = run(script, [pathToFileURL(store).href, db, ready, go, '0']);
  while (!existsSync(ready)) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 300)); // let it reach the lock
  holder.exec('commit');
  holder.close();
  const r = await waiting;
  expect({ code: r.code, err: r.err, version: Number(r.out) }).toEqual({
    code: 0,
    err: '',
    version: MIGRATIONS.length,
  });
}, 60_000);
