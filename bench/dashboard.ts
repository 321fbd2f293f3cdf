/**
 * @module bench/dashboard
 * The dashboard's main queries, timed on any store (SQLite or PostgreSQL) filled by bench/generate:
 * one definition, so the two dialects are timed on the same questions.
 */
import { performance } from 'node:perf_hooks';
import { ledgerOf } from '../src/events/index.js';
import type { Registry } from '../src/registry/index.js';
import type { Store } from '../src/store/index.js';

export const DASHBOARD_QUERIES: readonly string[] = [
  "a person's trips (100 newest)",
  "a state's trips (100 newest)",
  'trips by status (100 newest planned)',
  'one trip with its evidence',
  "a state's ledger (500 trips, duty and verdict each)",
  'alerts since a day (up to 1,000)',
];

function cases(store: Store, reg: Registry, trips: number): (() => Promise<unknown>)[] {
  return [
    () => store.listTrips({ subjectId: 'putin-vladimir', limit: 100 }),
    () => store.listTrips({ countryIso2: 'MN', limit: 100 }),
    () => store.listTrips({ status: 'planned', limit: 100 }),
    () => store.getTrip({ id: `trip-${Math.floor(trips / 2)}` }),
    async () =>
      ledgerOf(reg, await store.listTrips({ countryIso2: 'ZA', limit: 500 }), { countryIso2: 'ZA' }),
    () => store.listAlerts({ since: '2024-01-01' }),
  ];
}

export interface Timing {
  p50: number;
  p99: number;
}

/** Each query once to warm up, then `samples` times in a row: the median and the 99th percentile, in ms. */
export async function timeDashboard(
  store: Store,
  reg: Registry,
  trips: number,
  samples = 100,
): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const run of cases(store, reg, trips)) {
    await run();
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const s = performance.now();
      await run();
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    out.push({ p50: ms[Math.floor(samples * 0.5)]!, p99: ms[Math.ceil(samples * 0.99) - 1]! });
  }
  return out;
}
