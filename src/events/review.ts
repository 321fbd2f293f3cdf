/**
 * @module events/review
 * Analysts' decisions on machine trips: confirm, reject, edit, merge two trips, split one. A
 * decision is kept, never applied once and forgotten: trips are merged anew from the claims at
 * each article, and the decisions are applied again on top, in the order they were taken, so a
 * later machine update never overwrites an analyst. Nothing is deleted: a rejected trip, or one
 * merged into another, stays in the record as superseded.
 */
import { byPublication } from './order.js';
import { tripFields } from './fields.js';
import { jaccard } from './identity.js';
import type { TripRecord, TripRecordStatus } from './types.js';

export type TripFieldsSet = Partial<{
  status: TripRecordStatus;
  start: string | null;
  end: string | null;
  city: string | null;
}>;

export type ReviewAction =
  /** The trip as it stood when confirmed: these fields hold from then on. */
  | { kind: 'confirm'; fields: Required<TripFieldsSet> }
  | { kind: 'reject' }
  | { kind: 'edit'; set: TripFieldsSet }
  /** This trip is the same journey as `into` (which then had `intoArticles`): its evidence joins that one. */
  | { kind: 'merge'; into: string; intoArticles: string[] }
  /** These articles tell another journey: they become a trip of their own. */
  | { kind: 'split'; articleIds: string[] };

/** What an analyst asks for; `reviewTrip` (jobs/review) checks it against the record and makes
 * it a `ReviewAction` (a confirm keeps the fields as they stand, a merge the other trip's articles). */
export type ReviewInput =
  | { kind: 'confirm' }
  | { kind: 'reject' }
  | { kind: 'edit'; set: TripFieldsSet }
  | { kind: 'merge'; into: string }
  | { kind: 'split'; articleIds: string[] };

export interface Review {
  id: string;
  tripId: string;
  /** The trip's articles when the decision was taken: trips are re-merged from the claims at
   * each article, so a decision finds its trip again by them (or by its id, if it is the same). */
  articles: string[];
  subjectId: string;
  action: ReviewAction;
  /** Who decided, and when (ISO time). */
  by: string;
  at: string;
  why: string | null;
}

export const isSuperseded = (t: Pick<TripRecord, 'review'>) =>
  t.review?.state === 'rejected' || t.review?.state === 'merged';

/** Days, city, contradictions and confidence anew from the evidence, unless an analyst set them. */
function refit(t: TripRecord): TripRecord {
  if (t.curated || t.review?.state === 'confirmed' || t.review?.state === 'edited' || !t.evidence.length)
    return t;
  const { start, end, city, contradictions, confidence } = tripFields(t.evidence);
  return { ...t, start, end, city, contradictions, confidence };
}

const byTime = (a: { published: string; articleId: string }, b: { published: string; articleId: string }) =>
  byPublication({ published: a.published, id: a.articleId }, { published: b.published, id: b.articleId });

/** The trip a decision was about: the one with its id, else the one most like its articles. */
function locate(trips: readonly TripRecord[], id: string, articles: readonly string[]): number {
  const exact = trips.findIndex((t) => t.id === id);
  if (exact >= 0) return exact;
  const want = new Set(articles);
  let best = -1;
  let score = 0;
  trips.forEach((t, i) => {
    const s = jaccard(new Set(t.evidence.map((e) => e.articleId)), want);
    if (s > score) [best, score] = [i, s];
  });
  return best;
}

function apply(trips: TripRecord[], r: Review): TripRecord[] {
  const i = locate(trips, r.tripId, r.articles);
  if (i < 0) return trips; // the trip is gone from the claims (its articles were re-read): nothing to do
  const t = trips[i]!;
  const mark = { reviewId: r.id, by: r.by, at: r.at };
  const out = [...trips];
  const a = r.action;
  switch (a.kind) {
    case 'confirm':
      out[i] = { ...t, ...a.fields, review: { state: 'confirmed', ...mark } };
      return out;
    case 'edit':
      out[i] = { ...t, ...a.set, review: { state: 'edited', ...mark } };
      return out;
    case 'reject':
      out[i] = { ...t, review: { state: 'rejected', ...mark } };
      return out;
    case 'merge': {
      const j = locate(out, a.into, a.intoArticles);
      if (j < 0 || j === i) return trips;
      const into = out[j]!;
      const evidence = [...into.evidence, ...t.evidence].sort(byTime);
      const history = [...into.history, ...t.history].sort(byTime);
      out[j] = refit({ ...into, evidence, history });
      out[i] = { ...t, review: { state: 'merged', into: out[j]!.id, ...mark } };
      return out;
    }
    case 'split': {
      const moved = new Set(a.articleIds);
      const evidence = t.evidence.filter((e) => moved.has(e.articleId));
      if (!evidence.length || evidence.length === t.evidence.length) return trips;
      const history = t.history.filter((h) => moved.has(h.articleId));
      const last = history.at(-1)?.status ?? evidence.at(-1)!.status;
      const part = refit({
        ...t,
        id: `${t.id}~${r.id.slice(0, 8)}`,
        status: last,
        history,
        evidence,
        firstReported: evidence[0]!.published,
        arrest: null,
        review: { state: 'edited', ...mark },
      });
      const rest = refit({
        ...t,
        evidence: t.evidence.filter((e) => !moved.has(e.articleId)),
        history: t.history.filter((h) => !moved.has(h.articleId)),
      });
      out[i] = rest;
      out.push(part);
      return out;
    }
  }
}

/** The trips after every decision, taken in the order they were made. */
export function applyReviews(trips: readonly TripRecord[], reviews: readonly Review[]): TripRecord[] {
  const ordered = [...reviews].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return ordered.reduce(apply, [...trips]);
}
