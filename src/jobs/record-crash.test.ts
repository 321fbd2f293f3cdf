/**
 * A kill -9 in the middle of the record step (events, trips, alerts), then a restart, ends in the
 * same record as one uninterrupted run: no event, trip, evidence, alert or delivery lost or twice,
 * and the analysts' decisions taken before (confirm, reject, edit, merge) still applied, with no
 * review or audit entry lost or twice. A real child process runs the CLI on a real database file
 * and is killed while it records the second batch of news.
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

/** A decision's time and id (a UUID) are drawn when it is taken: they differ between the two databases. */
function timeless(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(timeless);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).flatMap(([k, x]) => (k === 'at' || k === 'reviewId' ? [] : [[k, timeless(x)]])),
    );
  return v;
}

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
        `select ${tripUrl.replace('%s', 't.id')} as trip, status, start_day, end_day, city, review_state
         from trips t where curated_id is null order by 1`,
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
      reviews: all(
        `select trip_id, action, by, why, articles from trip_reviews order by trip_id, action`,
      ).map(timeless),
      audit: (
        all(
          `select target, action, actor, why, before, after from audit_log order by target, action`,
        ) as Record<string, string>[]
      ).map((r) => timeless({ ...r, before: JSON.parse(r.before!), after: JSON.parse(r.after!) })),
      // Each decision with exactly one audit entry of its own kind about its trip.
      unpaired: one(
        `select count(*) as n from trip_reviews r where (select count(*) from audit_log a
           where a.target = r.trip_id and a.action = 'review:' || json_extract(r.action, '$.kind')) <> 1`,
      ),
    };
  } finally {
    db.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (db: string, ...args: string[]) => {
  const r = spawnSync(bin, args, { env: env(db), encoding: 'utf8' });
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

/** The same decisions on the same trips (ids are made of the news, so both databases share them). */
function decide(db: string, trips: { id: string; country_iso2: string }[]) {
  const [confirmed, rejected, edited] = trips;
  const pair = trips
    .slice(3)
    .find((t, i, rest) => rest.some((u, j) => j > i && u.country_iso2 === t.country_iso2))!;
  const into = trips.slice(3).find((t) => t !== pair && t.country_iso2 === pair.country_iso2)!;
  const by = ['--by', 'ana'];
  run(db, 'review', confirmed!.id, 'confirm', ...by, '--why', 'Kremlin readout');
  run(db, 'review', rejected!.id, 'reject', ...by, '--why', 'a rumour');
  run(db, 'review', edited!.id, 'edit', '--city', 'Erdenet', ...by);
  run(db, 'review', pair.id, 'merge', '--into', into.id, ...by, '--why', 'one journey');
}

it('survives kill -9 mid-record with reviews applied: the restart ends in the record of an uninterrupted run', async () => {
  expect(existsSync(join(root, 'dist', 'cli', 'bin.js')), 'dist/ is missing: npm test builds it first').toBe(
    true,
  );
  const first = join(dir, 'first.jsonl');
  const second = join(dir, 'second.jsonl');
  const lines = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => JSON.stringify(article(from + i))).join('\n');
  writeFileSync(first, lines(0, N / 2));
  writeFileSync(second, lines(N / 2, N));

  const clean = join(dir, 'clean.db');
  const crashed = join(dir, 'crashed.db');
  // Both: the first half of the news, a webhook (so that the outbox is written with each alert
  // of the second half), then the analysts' decisions on four of the trips it made.
  for (const db of [clean, crashed]) {
    run(db, 'ingest', first, '--json');
    const raw = new Database(db);
    raw
      .prepare(
        "insert into webhooks (id, url, secret, kinds, created_at) values ('w', 'https://hooks.example/', 's', null, '2026-01-01')",
      )
      .run();
    const trips = raw
      .prepare('select id, country_iso2 from trips where curated_id is null order by first_reported, id')
      .all() as { id: string; country_iso2: string }[];
    raw.close();
    decide(db, trips);
  }
  const decided = snapshot(crashed);
  expect(decided.reviews).toHaveLength(4);
  expect(decided.audit).toHaveLength(4);
  expect(new Set(decided.trips.map((t) => (t as { review_state: string | null }).review_state))).toEqual(
    new Set([null, 'confirmed', 'rejected', 'edited', 'merged']),
  );

  run(clean, 'ingest', second, '--json');
  const expected = snapshot(clean);
  expect(expected.recorded).toBe(N);
  expect(expected.alerts.length, 'the news raises alerts').toBeGreaterThan(STATES.length);
  expect({ reviews: expected.reviews, audit: expected.audit }).toEqual({
    reviews: decided.reviews,
    audit: decided.audit,
  });

  const child = spawn(bin, ['ingest', second], { env: env(crashed), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let recorded = 0;
  for (let waited = 0; waited < 90_000 && recorded < N / 2 + N / 8; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    try {
      recorded = snapshot(crashed).recorded;
    } catch {
      recorded = 0; // busy
    }
  }
  child.kill('SIGKILL');
  await exited;
  const afterKill = snapshot(crashed).recorded;
  expect(afterKill, 'killed after it had recorded some of the second half').toBeGreaterThanOrEqual(
    N / 2 + N / 8,
  );
  expect(afterKill, 'and before it had finished').toBeLessThan(N);

  run(crashed, 'ingest', second, '--json');
  // The same record, the same decisions still applied, each review and audit entry once.
  expect(snapshot(crashed)).toEqual(expected);
}, 300_000);
