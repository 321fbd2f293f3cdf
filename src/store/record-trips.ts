/**
 * @module store/record-trips
 * Trips with their status history and evidence. A merge replaces one subject's trips in one
 * transaction; each new trip keeps the id of the stored trip most like it (events/identity), so
 * ids (and the alerts keyed by them) survive articles arriving out of publication order.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  keepIds,
  type Contradiction,
  type TripRecord,
  type TripRecordOutcome,
  type TripReview,
} from '../events/index.js';
import { isoTime, type StoreContext } from './context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type {
  ListTripsRequest,
  ReplaceTripsRequest,
  StoredTrip,
  TripPage,
  TripPageRequest,
} from './record-types.js';
import type { DB, TripEvidenceTable, TripHistoryTable, TripsTable } from './schema.js';

const LIST_LIMIT = 500;

/** Stored trip id -> the articles of its evidence. */
async function storedEvidence(db: Kysely<DB>, subjectId: string): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('trip_evidence')
    .innerJoin('trips', 'trips.id', 'trip_evidence.trip_id')
    .select(['trip_evidence.trip_id', 'trip_evidence.article_id'])
    .where('trips.subject_id', '=', subjectId)
    .where('trips.curated_id', 'is', null)
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.trip_id) ?? new Set<string>();
    set.add(r.article_id);
    out.set(r.trip_id, set);
  }
  return out;
}

async function deleteTrips(trx: Transaction<DB>, subjectId: string): Promise<void> {
  const ids = trx.selectFrom('trips').select('id').where('subject_id', '=', subjectId);
  await trx.deleteFrom('trip_history').where('trip_id', 'in', ids).execute();
  await trx.deleteFrom('trip_evidence').where('trip_id', 'in', ids).execute();
  await trx.deleteFrom('trips').where('subject_id', '=', subjectId).execute();
}

// SQLite allows 32766 bound values per statement; rows of 13 columns, well below it.
const CHUNK = 500;
async function insertChunked<T extends keyof DB>(
  trx: Transaction<DB>,
  table: T,
  rows: DB[T][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

type TimeColumns = Pick<TripsTable, 'added_at' | 'changed_at' | 'checked_at' | 'content_hash'>;

/** The content of a trip as a hash, so a merge that leaves it as it was does not count as a change. */
function contentHash(t: TripRecord): string {
  const content = JSON.stringify([tripContent(t), historyRows(t), evidenceRows(t)]);
  return createHash('sha256').update(content).digest('hex');
}

/** A trip's times after this merge: kept from the stored trip of the same id, moved where it changed. */
function timesOf(t: TripRecord, stored: Map<string, TimeColumns>, now: string): TimeColumns {
  const hash = contentHash(t);
  const old = stored.get(t.id);
  return {
    added_at: old?.added_at ?? now,
    changed_at: old?.changed_at && old.content_hash === hash ? old.changed_at : now,
    checked_at: now,
    content_hash: hash,
  };
}

export async function replaceTrips(ctx: StoreContext, req: ReplaceTripsRequest): Promise<TripRecord[]> {
  for (const t of req.trips)
    if (t.subjectId !== req.subjectId)
      throw new Error(`trip ${t.id} is of ${t.subjectId}, not ${req.subjectId}`);
  return ctx.db.transaction().execute(async (trx) => {
    const trips = keepIds(req.trips, await storedEvidence(trx, req.subjectId));
    const stored = await trx
      .selectFrom('trips')
      .select(['id', 'added_at', 'changed_at', 'checked_at', 'content_hash'])
      .where('subject_id', '=', req.subjectId)
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    const now = ctx.now().toISOString();
    await deleteTrips(trx, req.subjectId);
    await insertChunked(
      trx,
      'trips',
      trips.map((t) => ({ ...tripContent(t), ...timesOf(t, byId, now) })),
    );
    await insertChunked(trx, 'trip_history', trips.flatMap(historyRows));
    await insertChunked(trx, 'trip_evidence', trips.flatMap(evidenceRows));
    return trips;
  });
}

export async function listTrips(ctx: StoreContext, req: ListTripsRequest): Promise<TripRecord[]> {
  let q = ctx.db.selectFrom('trips').selectAll();
  if (req.subjectId) q = q.where('subject_id', '=', req.subjectId);
  if (req.countryIso2) q = q.where('country_iso2', '=', req.countryIso2);
  if (req.status) q = q.where('status', '=', req.status);
  // A rejected trip, or one merged into another, stays stored but is not part of the record.
  if (!req.includeSuperseded)
    q = q.where((eb) =>
      eb.or([eb('review_state', 'is', null), eb('review_state', 'not in', ['rejected', 'merged'])]),
    );
  const rows = await q
    .orderBy('first_reported', 'desc')
    .orderBy('id')
    .limit(Math.min(req.limit ?? LIST_LIMIT, LIST_LIMIT))
    .execute();
  return withParts(ctx.db, rows);
}

export async function pageTrips(ctx: StoreContext, req: TripPageRequest): Promise<TripPage> {
  let q = ctx.db.selectFrom('trips').selectAll();
  if (req.id) q = q.where('id', '=', req.id);
  if (req.subjectId) q = q.where('subject_id', '=', req.subjectId);
  if (req.countryIso2) q = q.where('country_iso2', '=', req.countryIso2);
  if (req.status) q = q.where('status', '=', req.status);
  if (!req.includeSuperseded)
    q = q.where((eb) =>
      eb.or([eb('review_state', 'is', null), eb('review_state', 'not in', ['rejected', 'merged'])]),
    );
  if (req.updatedSince) q = q.where('changed_at', '>=', isoTime(req.updatedSince, 'updatedSince'));
  if (req.cursor) {
    // The cursor's pair is (changed_at, id); the Position names its first key after articles'.
    const { fetchedAt: changedAt, id } = decodeCursor(req.cursor);
    q = q.where((eb) =>
      eb.or([
        eb('changed_at', '>', changedAt),
        eb.and([eb('changed_at', '=', changedAt), eb('id', '>', id)]),
      ]),
    );
  }
  const limit = Math.max(1, Math.min(req.limit, LIST_LIMIT));
  // One more than asked: whether a next page exists, without a count.
  const rows = await q
    .orderBy('changed_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const trips = await withParts(ctx.db, page);
  const last = page.at(-1);
  return {
    trips: trips.map((t, i) => ({ ...t, ...timesOfRow(page[i]!) })),
    ...(rows.length > limit && last
      ? { nextCursor: encodeCursor({ fetchedAt: last.changed_at ?? '', id: last.id }) }
      : {}),
  };
}

/** A row imported from an older dump has no times: dated by its first report, the only date it has. */
function timesOfRow(r: TripsTable): Pick<StoredTrip, 'addedAt' | 'changedAt' | 'checkedAt'> {
  return {
    addedAt: r.added_at ?? r.first_reported,
    changedAt: r.changed_at ?? r.first_reported,
    checkedAt: r.checked_at ?? r.first_reported,
  };
}

export async function getTrip(ctx: StoreContext, req: { id: string }): Promise<TripRecord | undefined> {
  const row = await ctx.db.selectFrom('trips').selectAll().where('id', '=', req.id).executeTakeFirst();
  return row ? (await withParts(ctx.db, [row]))[0] : undefined;
}

async function withParts(db: Kysely<DB>, rows: TripsTable[]): Promise<TripRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const history = await db
    .selectFrom('trip_history')
    .selectAll()
    .where('trip_id', 'in', ids)
    .orderBy('trip_id')
    .orderBy('seq')
    .execute();
  const evidence = await db
    .selectFrom('trip_evidence')
    .selectAll()
    .where('trip_id', 'in', ids)
    .orderBy('trip_id')
    .orderBy('seq')
    .execute();
  const byTrip = <R extends { trip_id: string }>(list: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of list) m.set(r.trip_id, [...(m.get(r.trip_id) ?? []), r]);
    return m;
  };
  const h = byTrip(history);
  const e = byTrip(evidence);
  return rows.map((r) => toTrip(r, h.get(r.id) ?? [], e.get(r.id) ?? []));
}

function tripContent(t: TripRecord): Omit<TripsTable, keyof TimeColumns> {
  return {
    id: t.id,
    subject_id: t.subjectId,
    country_iso2: t.countryIso2,
    city: t.city,
    start_day: t.start,
    end_day: t.end,
    status: t.status,
    confidence: t.confidence,
    first_reported: t.firstReported,
    contradictions: JSON.stringify(t.contradictions),
    arrest_article_id: t.arrest?.articleId ?? null,
    arrest_published: t.arrest?.published ?? null,
    curated_id: t.curated?.id ?? null,
    curated_outcome: t.curated?.outcome ?? null,
    curated_sources: t.curated ? JSON.stringify(t.curated.sources) : null,
    review_state: t.review?.state ?? null,
    review: t.review ? JSON.stringify(t.review) : null,
  };
}

const historyRows = (t: TripRecord): TripHistoryTable[] =>
  t.history.map((h, seq) => ({
    trip_id: t.id,
    seq,
    status: h.status,
    article_id: h.articleId,
    published: h.published,
    basis: h.basis,
  }));

const evidenceRows = (t: TripRecord): TripEvidenceTable[] =>
  t.evidence.map((e, seq) => ({
    trip_id: t.id,
    seq,
    article_id: e.articleId,
    url: e.url,
    published: e.published,
    cluster_id: e.clusterId,
    status: e.status,
    start_day: e.start,
    end_day: e.end,
    city: e.city,
    confidence: e.confidence,
    quote: e.quote,
    moved: e.moved ? 1 : 0,
  }));

function toTrip(r: TripsTable, history: TripHistoryTable[], evidence: TripEvidenceTable[]): TripRecord {
  return {
    id: r.id,
    subjectId: r.subject_id,
    countryIso2: r.country_iso2,
    city: r.city,
    start: r.start_day,
    end: r.end_day,
    status: r.status,
    history: history.map((h) => ({
      status: h.status,
      articleId: h.article_id,
      published: h.published,
      basis: h.basis,
    })),
    evidence: evidence.map((e) => ({
      articleId: e.article_id,
      url: e.url,
      published: e.published,
      clusterId: e.cluster_id,
      status: e.status,
      start: e.start_day,
      end: e.end_day,
      city: e.city,
      confidence: Number(e.confidence),
      quote: e.quote,
      moved: Number(e.moved) === 1,
    })),
    contradictions: JSON.parse(r.contradictions) as Contradiction[],
    confidence: Number(r.confidence),
    firstReported: r.first_reported,
    arrest:
      r.arrest_article_id && r.arrest_published
        ? { articleId: r.arrest_article_id, published: r.arrest_published }
        : null,
    review: r.review ? (JSON.parse(r.review) as TripReview) : null,
    curated: r.curated_id
      ? {
          id: r.curated_id,
          outcome: r.curated_outcome as TripRecordOutcome,
          sources: JSON.parse(r.curated_sources ?? '[]') as string[],
        }
      : null,
  };
}
