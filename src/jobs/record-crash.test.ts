/**
 * A kill -9 in the middle of the record step (events, trips, alerts), then a restart, ends in the
 * same record as one uninterrupted run: no event, trip, evidence, alert or delivery lost or twice.
 * A real child process runs the CLI on a real database file and is killed while it records.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { dayFromToday, spelledDay } from '../testing/claims.js';
import { afterAll, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'warrant-watch');
const dir = mkdtempSync(join(tmpdir(), 'ww-record-crash-'));
const N = 400;

// States bound to arrest Putin: plans and arrivals there raise alerts.
const STATES = ['Mongolia', 'South Africa', 'Brazil', 'Tajikistan', 'Kenya', 'Argentina', 'Germany', 'Japan'];

function article(i: number) {
  const state = STATES[i % STATES.length]!;
  // Live news of many journeys: each state gets plans for several days, some more than once.
  const when = spelledDay(dayFromToday(5 + (Math.floor(i / STATES.length) % 12) * 20));
  const said = ['the Kremlin said', 'officials confirmed', 'state media reported', 'his spokesman said'][
    i % 4
  ];
  return {
    id: `n${i}`,
    url: `https://news.example/${i}`,
    published: dayFromToday(0),
    text: `Russian President Vladimir Putin will visit ${state} on ${when}, ${said} in statement number ${i}.`,
  };
}

const env = (db: string) => ({
  ...process.env,
  DATABASE_URL: `sqlite:${db}`,
  WW_FEEDS_DIR: join(dir, 'feeds'),
  WW_LOG_LEVEL: 'silent',
});

function snapshot(dbPath: string) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    // Article ids are made at ingest, so the two databases differ in them: compare by URL, and
    // name each trip by the URL of the article that first reported it.
    const tripUrl = `(select a.url from trip_history h join articles a on a.id = h.article_id
      where h.trip_id = %s and h.seq = 0)`;
    const url = (col: string) => `(select url from articles where id = ${col})`;
    return {
      recorded: one('select count(*) as n from article_records'),
      events: one('select count(*) as n from events'),
      trips: all(
        `select ${tripUrl.replace('%s', 't.id')} as trip, status, start_day, end_day from trips t
         where curated_id is null order by 1`,
      ),
      evidence: all(
        `select ${tripUrl.replace('%s', 'e.trip_id')} as trip, ${url('e.article_id')} as article, count(*) as n
         from trip_evidence e join trips t on t.id = e.trip_id where t.curated_id is null
         group by e.trip_id, e.article_id order by 1, 2`,
      ),
      history: all(
        `select ${tripUrl.replace('%s', 'h0.trip_id')} as trip, seq, status, ${url('h0.article_id')} as article
         from trip_history h0 order by 1, 2`,
      ),
      // A trip an alert named may since have merged into another: the alert stands, by its article.
      alerts: all(`select kind, ${url('article_id')} as article from alerts order by 2, 1`),
      deliveries: one('select count(*) as n from deliveries'),
    };
  } finally {
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('survives kill -9 mid-record: the restart ends in the record of an uninterrupted run', async () => {
  expect(existsSync(join(root, 'dist', 'cli', 'bin.js')), 'dist/ is missing: npm test builds it first').toBe(
    true,
  );
  const input = join(dir, 'news.jsonl');
  writeFileSync(input, Array.from({ length: N }, (_, i) => JSON.stringify(article(i))).join('\n'));

  const clean = join(dir, 'clean.db');
  const once = spawnSync(bin, ['ingest', input, '--json'], { env: env(clean), encoding: 'utf8' });
  expect(once.status, once.stderr).toBe(0);
  const expected = snapshot(clean);
  expect(expected.recorded).toBe(N);
  expect(expected.alerts.length, 'the news raises alerts').toBeGreaterThan(STATES.length);

  const crashed = join(dir, 'crashed.db');
  // A webhook, so that the outbox is written with each alert.
  for (const db of [clean, crashed]) {
    const add = spawnSync(bin, ['migrate'], { env: env(db), encoding: 'utf8' });
    expect(add.status, add.stderr).toBe(0);
    const raw = new Database(db);
    raw
      .prepare(
        "insert into webhooks (id, url, secret, kinds, created_at) values ('w', 'https://hooks.example/', 's', null, '2026-01-01')",
      )
      .run();
    raw.close();
  }
  const child = spawn(bin, ['ingest', input], { env: env(crashed), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let recorded = 0;
  for (let waited = 0; waited < 90_000 && recorded < N / 4; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    try {
      recorded = snapshot(crashed).recorded;
    } catch {
      recorded = 0; // not created yet, or busy
    }
  }
  child.kill('SIGKILL');
  await exited;
  const afterKill = snapshot(crashed).recorded;
  expect(afterKill, 'killed after it had recorded some articles').toBeGreaterThanOrEqual(N / 4);
  expect(afterKill, 'and before it had finished').toBeLessThan(N);

  const rerun = spawnSync(bin, ['ingest', input, '--json'], { env: env(crashed), encoding: 'utf8' });
  expect(rerun.status, rerun.stderr).toBe(0);
  const after = snapshot(crashed);
  // The clean run had no webhook: every alert of the crashed one has exactly one delivery.
  expect(after).toEqual({ ...expected, deliveries: after.alerts.length });
  expect(expected.deliveries).toBe(0);
}, 240_000);
