/**
 * A kill -9 in the middle of an ingest, then a restart, neither loses nor duplicates an article:
 * a real child process runs the CLI on a real database file and is killed while it writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'warrant-watch');
const dir = mkdtempSync(join(tmpdir(), 'ww-crash-'));
const dbPath = join(dir, 'ww.db');
const env = { ...process.env, DATABASE_URL: `sqlite:${dbPath}`, WW_LOG_LEVEL: 'silent' };
const N = 3000;

const words =
  'visit summit warrant court arrest minister talks delegation airport treaty statement protest'.split(' ');
function text(i: number): string {
  // Distinct texts: each article differs from every other in many shingles, not just a number.
  const pick = (k: number) => words[(i * 7 + k * 13 + Math.floor(i / 11)) % words.length];
  return (
    Array.from({ length: 40 }, (_, k) => `${pick(k)}${(i * 31 + k) % 97}`).join(' ') + ` Article number ${i}.`
  );
}

function counts() {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      articles: one('select count(*) as n from articles'),
      distinctHashes: one('select count(distinct content_hash) as n from articles'),
      items: one("select count(*) as n from items where source_id = 'file'"),
      pending: one("select count(*) as n from items where state not in ('extracted', 'duplicate')"),
    };
  } finally {
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('survives kill -9 mid-ingest: the restart completes with every article exactly once', async () => {
  expect(existsSync(join(root, 'dist', 'cli', 'bin.js')), 'dist/ is missing: npm test builds it first').toBe(
    true,
  );
  const input = join(dir, 'articles.jsonl');
  writeFileSync(
    input,
    Array.from({ length: N }, (_, i) =>
      JSON.stringify({ id: `a${i}`, published: '2024-09-03', text: text(i) }),
    ).join('\n'),
  );

  const child = spawn(bin, ['ingest', input], { env, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen = 0;
  for (let waited = 0; waited < 60_000 && seen < 300; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    if (existsSync(dbPath)) {
      try {
        seen = counts().articles;
      } catch {
        seen = 0; // tables not created yet
      }
    }
  }
  child.kill('SIGKILL');
  await exited;
  const afterKill = counts();
  expect(afterKill.articles, 'the child was killed after it had stored some articles').toBeGreaterThanOrEqual(
    300,
  );
  expect(afterKill.articles, 'and before it had finished').toBeLessThan(N);
  expect(afterKill.distinctHashes).toBe(afterKill.articles);

  const rerun = spawnSync(bin, ['ingest', input, '--json'], { env, encoding: 'utf8' });
  expect(rerun.status, rerun.stderr).toBe(0);
  const summary = JSON.parse(rerun.stdout);
  expect(summary.new + summary.duplicate + summary.skipped).toBe(N); // near-duplicates are stored too
  expect(summary.failed).toEqual([]);
  expect(counts()).toEqual({ articles: N, distinctHashes: N, items: N, pending: 0 });
}, 120_000);
