/**
 * @module jobs/record
 * The record's step for one stored article: read its events, store them, re-merge the trips of
 * each person it speaks of (with their curated trips), store those, and raise the alerts they
 * warrant as of the clock. Every write is idempotent (events replace the article's, trips replace
 * the person's, alerts are keyed by trip and kind), so a step cut off and run again ends the same.
 */
import { alertsFor } from '../alerts/index.js';
import { applyReviews, dutyOfTrip, mergeTrips, type CuratedTrip, type TripRecord } from '../events/index.js';
import type { Extractor } from '../extract/eval/index.js';
import type { Registry } from '../model.js';
import type { NewAlert, Store, StoredAlert } from '../store/index.js';

export interface RecordDeps {
  store: Pick<
    Store,
    | 'getArticle'
    | 'saveEvents'
    | 'claimsAbout'
    | 'reviewsAbout'
    | 'replaceTrips'
    | 'raiseAlerts'
    | 'markRecorded'
  >;
  extract: Extractor;
  reg: Registry;
  /** Curated trips, merged with the news about their subject; none in a replay. */
  curated: readonly CuratedTrip[];
  now: () => Date;
}

export interface RecordResult {
  events: number;
  /** The trips of every person the article speaks of, as stored. */
  trips: TripRecord[];
  /** The alerts this article raised. */
  alerts: StoredAlert[];
}

/** What making a person's trips reads (his claims, the decisions on them) and writes (the trips). */
export type ProjectStore = Pick<Store, 'claimsAbout' | 'reviewsAbout' | 'replaceTrips'>;
/** The curated sync: a projection, and whether a curated trip is stored yet. */
export type SyncStore = ProjectStore & Pick<Store, 'getTrip'>;
/** The record step over its queue. */
export type RecordPendingStore = RecordDeps['store'] & Pick<Store, 'unrecordedArticles'>;

/**
 * A person's trips anew: his claims merged (with his curated trips), the analysts' decisions
 * applied on top, stored in place of the last. The one way the record's trips are made.
 */
export async function projectSubject(
  store: ProjectStore,
  subjectId: string,
  curated: readonly CuratedTrip[],
): Promise<TripRecord[]> {
  const claims = await store.claimsAbout({ subjectId });
  const merged = mergeTrips(
    claims,
    curated.filter((c) => c.subjectId === subjectId),
  );
  const reviewed = applyReviews(merged, await store.reviewsAbout({ subjectId }));
  return store.replaceTrips({ subjectId, trips: reviewed });
}

export async function recordArticle(deps: RecordDeps, articleId: string): Promise<RecordResult> {
  const article = await deps.store.getArticle({ id: articleId });
  if (!article) throw new Error(`no article ${articleId} in the store`);
  const events = deps.extract({ text: article.text, published: article.publishedAt?.slice(0, 10) ?? null });
  await deps.store.saveEvents({ articleId, events });
  const now = deps.now().toISOString();
  const subjects = [...new Set(events.filter((e) => e.countryIso2).map((e) => e.subjectId))].sort();
  const trips: TripRecord[] = [];
  const raised: NewAlert[] = [];
  for (const subjectId of subjects) {
    const stored = await projectSubject(deps.store, subjectId, deps.curated);
    trips.push(...stored);
    for (const trip of stored)
      for (const alert of alertsFor(trip, dutyOfTrip(deps.reg, trip), now))
        raised.push({ ...alert, createdAt: now, articleId });
  }
  const alerts = await deps.store.raiseAlerts({ alerts: raised });
  await deps.store.markRecorded({ articleId });
  return { events: events.length, trips, alerts };
}

/**
 * Puts the registry's curated trips into the record (re-merged with the news about each person),
 * so the ledger is complete for history before any news is read, and follows a registry update.
 * Raises no alert: a curated trip is known history. With `missing`, only the people one of whose
 * curated trips is not stored yet: what a command that only reads needs, without re-merging
 * everyone at each call (a changed curated record then waits for the next `ingest` or `watch`).
 */
export async function syncCurated(
  deps: Pick<RecordDeps, 'curated'> & { store: SyncStore },
  which: 'all' | 'missing' = 'all',
): Promise<number> {
  let synced = 0;
  for (const subjectId of [...new Set(deps.curated.map((c) => c.subjectId))].sort()) {
    if (which === 'missing') {
      const ids = deps.curated.filter((c) => c.subjectId === subjectId).map((c) => c.id);
      const stored = await Promise.all(ids.map((id) => deps.store.getTrip({ id })));
      if (stored.every(Boolean)) continue;
    }
    await projectSubject(deps.store, subjectId, deps.curated);
    synced++;
  }
  return synced;
}

export interface RecordPendingResult {
  articles: number;
  alerts: StoredAlert[];
  failed: { articleId: string; reason: string }[];
}

/**
 * Runs the record step on every article that has not had it, in publication order. An article whose
 * step fails is reported and left in the queue for the next run; the others go on.
 */
export async function recordPending(
  deps: RecordDeps & { store: RecordPendingStore },
  batch = 200,
): Promise<RecordPendingResult> {
  const out: RecordPendingResult = { articles: 0, alerts: [], failed: [] };
  // Failed articles stay in the queue: ask past them, and do not try them twice in one run.
  const failed = new Set<string>();
  for (;;) {
    const queue = await deps.store.unrecordedArticles({ limit: batch + failed.size });
    const ids = queue.filter((id) => !failed.has(id));
    if (!ids.length) return out;
    for (const id of ids) {
      try {
        const step = await recordArticle(deps, id);
        out.articles++;
        out.alerts.push(...step.alerts);
      } catch (e) {
        failed.add(id);
        out.failed.push({ articleId: id, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }
}
