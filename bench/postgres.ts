/**
 * @module bench/postgres
 * PostgreSQL beside SQLite, on the same seeded record (1,000,000 articles and 100,000 trips by
 * default; WW_BENCH_ARTICLES and WW_BENCH_TRIPS scale it): the fill, the dashboard's main queries
 * (p50/p99) on each, and the API's latency at 200 connections from one web process on SQLite, one on
 * PostgreSQL and two on PostgreSQL (a node:cluster sharing one port, as two processes behind a load
 * balancer). The PostgreSQL server is a throwaway cluster of the benchmark's own (initdb in a temporary
 * folder, durability off as in the tests), started here and removed at the end.
 */
import cluster from 'node:cluster';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../src/registry/index.js';
import { openStore } from '../src/store/index.js';
import { createDatabase, freePort, postgresBinDir, startCluster } from '../src/testing/postgres.js';
import { DASHBOARD_QUERIES, timeDashboard, type Timing } from './dashboard.js';
import { fillPostgres, fillSqlite, generate } from './generate.js';
import { fmtMs, printTable } from './measure.js';
import { load } from './web.js';

/** `n` web processes over one store, sharing one port: autocannon's figures for `route`. */
async function underLoad(url: string, n: number, feedsDir: string, route: string) {
  const port = await freePort();
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./web-process.js', import.meta.url)) });
  const workers = Array.from({ length: n }, () =>
    cluster.fork({ WW_BENCH_DB: url, WW_BENCH_PORT: String(port), WW_BENCH_FEEDS: feedsDir }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('exit', (code) => reject(new Error(`a web process exited (${code}) before listening`)));
        }),
    ),
  );
  try {
    // The first request of each process makes the answer it caches: not what is measured.
    for (let i = 0; i < 4 * n; i++) await fetch(`http://127.0.0.1:${port}${route}`);
    return await load(`http://127.0.0.1:${port}${route}`);
  } finally {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.send('stop');
          }),
      ),
    );
  }
}

export async function benchPostgres(): Promise<void> {
  const articles = Number(process.env.WW_BENCH_ARTICLES ?? 1_000_000);
  const trips = Number(process.env.WW_BENCH_TRIPS ?? 100_000);
  if (!postgresBinDir()) {
    process.stdout.write("skipped: PostgreSQL's initdb is not installed (bash scripts/ensure-postgres.sh)\n");
    return;
  }
  const reg = loadRegistry();
  const subjects = [...reg.subjects.keys()];
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-pg-'));
  const pg = await startCluster();
  try {
    const urls = { sqlite: `sqlite:${join(dir, 'ww.db')}`, postgres: await createDatabase(pg.port) };
    const fillMs = { sqlite: 0, postgres: 0 };
    for (const url of Object.values(urls)) await (await openStore({ url, migrate: true })).close();
    let t0 = performance.now();
    fillSqlite(join(dir, 'ww.db'), generate(articles, trips, subjects));
    fillMs.sqlite = performance.now() - t0;
    t0 = performance.now();
    await fillPostgres(urls.postgres, generate(articles, trips, subjects));
    fillMs.postgres = performance.now() - t0;

    const timings: Record<'sqlite' | 'postgres', Timing[]> = { sqlite: [], postgres: [] };
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const store = await openStore({ url: urls[dialect] });
      timings[dialect] = await timeDashboard(store, reg, trips);
      await store.close();
    }
    const size = `${articles.toLocaleString('en')} articles, ${trips.toLocaleString('en')} trips`;
    printTable(
      `the dashboard's queries, PostgreSQL beside SQLite (${size})`,
      ['query', 'SQLite p50', 'SQLite p99', 'PostgreSQL p50', 'PostgreSQL p99'],
      [
        ['fill (the seeded generator, straight SQL)', fmtMs(fillMs.sqlite), '', fmtMs(fillMs.postgres), ''],
        ...DASHBOARD_QUERIES.map((name, i) => {
          const [s, p] = [timings.sqlite[i]!, timings.postgres[i]!];
          return [name, fmtMs(s.p50), fmtMs(s.p99), fmtMs(p.p50), fmtMs(p.p99)];
        }),
      ],
    );

    const rows: string[][] = [];
    for (const route of ['/api/v1/trips', '/api/v1/trips?country=MN']) {
      for (const [label, url, n] of [
        ['SQLite, one web process', urls.sqlite, 1],
        ['PostgreSQL, one web process', urls.postgres, 1],
        ['PostgreSQL, two web processes', urls.postgres, 2],
      ] as const) {
        const r = await underLoad(url, n, join(dir, 'feeds'), route);
        rows.push([
          route,
          label,
          Math.round(r.rps).toLocaleString('en'),
          `${r.p50} ms`,
          `${r.p99} ms`,
          r.errors ? `${r.errors} errors or non-2xx` : '',
        ]);
      }
    }
    printTable(
      `the API under load, 200 connections (${size})`,
      ['route', 'served by', 'requests/s', 'p50', 'p99', ''],
      rows,
    );
  } finally {
    pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
