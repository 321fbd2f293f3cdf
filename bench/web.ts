/**
 * @module bench/web
 * The site under load: autocannon against a server on 127.0.0.1 over a store of 100,000 trips
 * (the record benchmark's seeded generator; WW_BENCH_ARTICLES and WW_BENCH_TRIPS scale it),
 * 200 connections, each page beside a static file served by the same Fastify instance in the same
 * run. Goals (issue 10): p99 under 50 ms, no page over 3x the static file's p99. Requests are sent as
 * a browser sends them (accepting gzip and brotli); the load comes from a worker thread, so that the
 * server's event loop serves and does not also load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { silentLogger } from '../src/log.js';
import { loadRegistry, type Registry } from '../src/registry/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { buildServer } from '../src/web/server.js';
import { printTable } from './measure.js';
import { fillSqlite, generate } from './generate.js';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.WW_BENCH_SECONDS ?? 10);
/** Every request as a browser sends it: it accepts compressed answers. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

export async function load(url: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  // The load comes from a thread of its own, as from another process: not from the server's event loop.
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
    headers: BROWSER_HEADERS,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/**
 * Waits until one route's backlog (requests that outlived autocannon's run) is gone before the next
 * is measured: no connection open, then a short request answered within 50 ms.
 */
/** The site as the benchmarks serve it: a fixed clock, no log, no per-client limit. */
export function benchServer(
  store: Store,
  registry: Registry,
  feedsDir: string,
): ReturnType<typeof buildServer> {
  return buildServer({
    store,
    registry,
    now: () => new Date('2026-12-04T12:00:00Z'),
    log: silentLogger,
    publicUrl: 'http://localhost:8080',
    feedsDir,
    review: () => Promise.reject(new Error('no decisions are taken in the benchmark')),
    // One client sends every request: the per-client limit would measure its refusals.
    rateLimit: false,
  });
}

async function drained(app: Awaited<ReturnType<typeof buildServer>>): Promise<void> {
  const connections = () => new Promise<number>((r) => app.server.getConnections((_e, n) => r(n)));
  for (let i = 0; i < 600 && (await connections()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 600; i++) {
    const t0 = performance.now();
    await app.inject('/healthz');
    if (performance.now() - t0 < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchWeb(): Promise<void> {
  const articles = Number(process.env.WW_BENCH_ARTICLES ?? 1_000_000);
  const trips = Number(process.env.WW_BENCH_TRIPS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-web-'));
  const path = join(dir, 'ww.db');
  try {
    await (await openStore({ url: `sqlite:${path}`, migrate: true })).close();
    const registry = loadRegistry();
    fillSqlite(path, generate(articles, trips, [...registry.subjects.keys()]));
    const store = await openStore({ url: `sqlite:${path}` });
    const app = await benchServer(store, registry, join(dir, 'feeds'));
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const routes: [string, string][] = [
      ['static file (the peer)', '/static/style.css'],
      ['home', '/'],
      ['a person page', '/people/putin-vladimir'],
      ['a trip page', `/trips/trip-${Math.floor(trips / 2)}`],
      ['/api/v1/trips', '/api/v1/trips'],
    ];
    const rows: string[][] = [];
    let peerP99 = 0;
    for (const [label, route] of routes) {
      const alone: number[] = [];
      let bytes = 0;
      let made = 0;
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        bytes = (await app.inject({ url: route, headers: BROWSER_HEADERS })).rawPayload.length;
        if (i) alone.push(performance.now() - t0);
        else made = performance.now() - t0; // the first makes the page: the cost after each change of the record
      }
      alone.sort((a, b) => a - b);
      const r = await load(origin + route);
      await drained(app);
      if (!peerP99) peerP99 = r.p99;
      rows.push([
        label,
        `${(bytes / 1024).toFixed(1)} kB`,
        `${made.toFixed(1)} ms`,
        `${alone[2]!.toFixed(1)} ms`,
        Math.round(r.rps).toLocaleString('en'),
        `${r.p50} ms`,
        `${r.p99} ms`,
        peerP99 ? `${(r.p99 / peerP99).toFixed(1)}x` : '',
        r.errors ? `${r.errors} errors or non-2xx` : r.p99 < 50 ? 'p99 under 50 ms' : 'p99 OVER 50 ms',
      ]);
    }
    await app.close();
    await store.close();
    printTable(
      `The site under load: ${CONNECTIONS} connections, ${SECONDS} s each, ${trips.toLocaleString('en')} trips in the store`,
      [
        'route',
        'answer (as sent)',
        'made afresh (first request)',
        'one request alone (median of 5)',
        'requests/s',
        'p50',
        'p99',
        'p99 vs static',
        '',
      ],
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
