/**
 * @module store/clusters
 * Near-duplicate look-up and cluster heads. Candidates come from the indexed SimHash bands (any
 * band equal), never from a scan; the exact Hamming distance then decides.
 */
import type { Kysely } from 'kysely';
import { hamming } from '../ingest/dedup/index.js';
import type { ArticlesTable, DB } from './schema.js';
import { BAND_COLUMNS } from './schema.js';

type Dated = Pick<ArticlesTable, 'published_at' | 'fetched_at'>;
export type Neighbour = Pick<ArticlesTable, 'id' | 'cluster_id' | 'published_at' | 'fetched_at'> & {
  distance: number;
};

/**
 * The nearest stored article within `maxDistance` bits of `simhash` (ties: the earliest), if any.
 * Every such article shares a band with it as long as maxDistance < the number of bands.
 */
export async function nearestNeighbour(
  db: Kysely<DB>,
  simhash: string,
  bands: number[],
  maxDistance: number,
): Promise<Neighbour | undefined> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'simhash', 'cluster_id', 'published_at', 'fetched_at'])
    .where((eb) => eb.or(BAND_COLUMNS.map((col, i) => eb(col, '=', bands[i] ?? -1))))
    .execute();
  let best: Neighbour | undefined;
  for (const r of rows) {
    const distance = hamming(simhash, r.simhash);
    if (distance > maxDistance) continue;
    const n = {
      id: r.id,
      cluster_id: r.cluster_id,
      published_at: r.published_at,
      fetched_at: r.fetched_at,
      distance,
    };
    if (!best || distance < best.distance || (distance === best.distance && isEarlier(n, best))) best = n;
  }
  return best;
}

/**
 * When an article appeared: its publication time, or when we fetched it if it has none (or one we
 * cannot read). Both are ISO UTC (store/published); compared as instants all the same.
 */
export function appearedAt(a: Dated): number {
  const p = a.published_at ? Date.parse(a.published_at) : Number.NaN;
  return Number.isNaN(p) ? Date.parse(a.fetched_at) : p;
}

/** Strictly earlier: on a tie the article already heading a cluster stays its head. */
export function isEarlier(a: Dated, b: Dated): boolean {
  return appearedAt(a) < appearedAt(b);
}
