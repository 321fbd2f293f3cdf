/**
 * @module events/identity
 * Which stored trip a re-merged trip is: trips are merged anew from the claims at every article,
 * and a trip must keep its id (alerts and analysts' decisions refer to it) when an article about
 * it arrives out of order and changes which claim came first. Pure.
 */
import { byFirstReport } from './order.js';
import type { TripRecord } from './types.js';

/** Shared over all: how alike two sets of articles are, 0..1. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const all = a.size + b.size - shared;
  return all ? shared / all : 0;
}

/**
 * The trips with the ids they keep: earliest-reported trips choose first, and each takes the id of
 * the stored trip whose articles are most like its own (shared over all, so a trip merged by an
 * analyst into a bigger one does not take the bigger one's id).
 */
export function keepIds(
  trips: readonly TripRecord[],
  stored: ReadonlyMap<string, ReadonlySet<string>>,
): TripRecord[] {
  const taken = new Set<string>();
  const order = [...trips].sort(byFirstReport);
  const renamed = new Map<TripRecord, string>();
  for (const trip of order) {
    if (trip.curated) continue;
    const mine = new Set(trip.evidence.map((e) => e.articleId));
    let best: { id: string; score: number } | null = null;
    for (const [id, articles] of stored) {
      if (taken.has(id)) continue;
      const score = jaccard(mine, articles);
      if (score > 0 && (!best || score > best.score || (score === best.score && id < best.id)))
        best = { id, score };
    }
    let id = best?.id ?? trip.id;
    // A fresh id may be one an earlier trip kept: the stored trip it names went to that one.
    for (let n = 2; taken.has(id); n++) id = `${trip.id}-${n}`;
    taken.add(id);
    renamed.set(trip, id);
  }
  return trips.map((t) => {
    const id = renamed.get(t);
    return id && id !== t.id ? { ...t, id } : t;
  });
}
