/**
 * @module jobs/replay-score
 * A replay scored against the record it should have become. Each expected trip is paired with the
 * replayed trip of the same subject and state that shares the most articles with it; a pair counts
 * when the final status agrees and the first day is within one day (both blank agrees). An
 * expected alert counts when the paired trip raised it after the first article that supports it:
 * later is late, earlier had no evidence, and both count against precision.
 */
import { dayNumber } from '../law/index.js';
import type { SubjectNames } from '../extract/eval/index.js';
import type { TripRecord } from '../events/index.js';
import type { StoredAlert } from '../store/index.js';
import type { ReplayResult } from './replay.js';
import type { ExpectedAlert, ExpectedRecord, ExpectedTrip } from './replay-expected.js';

export interface Prf {
  tp: number;
  predicted: number;
  expected: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface TripPair {
  story: string;
  tripId: string | null;
  /** Why the pair does not count, or null when it does. */
  problem: string | null;
}

export type AlertVerdict = 'on_time' | 'late' | 'early' | 'missing';

export interface AlertCheck {
  story: string;
  kind: string;
  expectedAfter: string;
  raisedAfter: string | null;
  verdict: AlertVerdict;
  optional: boolean;
}

export interface ReplayScore {
  trips: Prf;
  /** Pairs on (subject, state) alone, whatever the status and days. */
  tripsFound: Prf;
  pairs: TripPair[];
  /** Replayed trips paired with no expected trip. */
  extraTrips: string[];
  alerts: Prf;
  alertChecks: AlertCheck[];
  /** Raised alerts that are neither expected on time nor tolerated. */
  wrongAlerts: { id: string; articleId: string; why: string }[];
  /** Articles that must join none of the expected trips, with the trip they joined. */
  strayArticles: { articleId: string; tripId: string }[];
}

/** Scores from `tp` of `predicted` right and `found` of `expected` found (the same count, unless
 * some predictions are neither required nor wrong). */
function prfOf(tp: number, predicted: number, found: number, expected: number): Prf {
  const precision = predicted ? tp / predicted : null;
  const recall = expected ? found / expected : null;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall
        ? (2 * precision * recall) / (precision + recall)
        : 0;
  return { tp, predicted, expected, precision, recall, f1 };
}

const prf = (tp: number, predicted: number, expected: number) => prfOf(tp, predicted, tp, expected);

const articlesOf = (t: TripRecord) => new Set(t.evidence.map((e) => e.articleId));

/** Expected trips paired one to one with replayed trips, most shared articles first. */
function pairTrips(expected: readonly ExpectedTrip[], trips: readonly TripRecord[], names: SubjectNames) {
  const candidates: { e: ExpectedTrip; t: TripRecord; shared: number }[] = [];
  for (const e of expected) {
    const subjectId = names.idOf(e.subject);
    for (const t of trips) {
      if (t.subjectId !== subjectId || t.countryIso2 !== e.country_iso2) continue;
      const own = articlesOf(t);
      const shared = e.articles.filter((a) => own.has(a)).length;
      if (shared) candidates.push({ e, t, shared });
    }
  }
  candidates.sort((a, b) => b.shared - a.shared);
  const paired = new Map<ExpectedTrip, TripRecord>();
  const used = new Set<TripRecord>();
  for (const c of candidates)
    if (!paired.has(c.e) && !used.has(c.t)) {
      paired.set(c.e, c.t);
      used.add(c.t);
    }
  return paired;
}

function problemOf(e: ExpectedTrip, t: TripRecord): string | null {
  if (t.status !== e.final_status) return `status ${t.status}, expected ${e.final_status}`;
  const agree = !e.start ? !t.start : !!t.start && Math.abs(dayNumber(t.start) - dayNumber(e.start)) <= 1;
  return agree ? null : `start ${t.start ?? 'blank'}, expected ${e.start || 'blank'}`;
}

function checkAlert(
  a: ExpectedAlert,
  trip: TripRecord | undefined,
  raised: readonly StoredAlert[],
  order: Map<string, number>,
): AlertCheck {
  const got = trip && raised.find((r) => r.tripId === trip.id && r.kind === a.kind);
  const base = {
    story: a.story,
    kind: a.kind,
    expectedAfter: a.first_possible_after,
    optional: !!a.optional,
  };
  if (!got) return { ...base, raisedAfter: null, verdict: 'missing' };
  const delta = (order.get(got.articleId) ?? 0) - (order.get(a.first_possible_after) ?? 0);
  return {
    ...base,
    raisedAfter: got.articleId,
    verdict: delta === 0 ? 'on_time' : delta > 0 ? 'late' : 'early',
  };
}

/** `articleOrder`: the articles' ids in publication order, to tell late from early. */
export function scoreReplay(
  result: ReplayResult,
  expected: ExpectedRecord,
  names: SubjectNames,
  articleOrder: readonly string[],
): ReplayScore {
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  const paired = pairTrips(expected.trips, result.trips, names);
  const pairs: TripPair[] = expected.trips.map((e) => {
    const t = paired.get(e);
    return { story: e.story, tripId: t?.id ?? null, problem: t ? problemOf(e, t) : 'not found' };
  });
  const pairedIds = new Set([...paired.values()].map((t) => t.id));
  const tripOfStory = new Map(expected.trips.map((e) => [e.story, paired.get(e)]));
  const alertChecks = expected.alerts.map((a) =>
    checkAlert(a, tripOfStory.get(a.story), result.alerts, order),
  );
  const onTime = new Set(
    alertChecks
      .filter((c) => c.verdict === 'on_time')
      .map((c) => `${tripOfStory.get(c.story)!.id}:${c.kind}`),
  );
  const tolerated = new Set(
    (expected.tolerated_alerts ?? []).flatMap((a) => {
      const t = tripOfStory.get(a.story);
      return t ? [`${t.id}:${a.kind}`] : [];
    }),
  );
  const wrongAlerts = result.alerts
    .filter((r) => !onTime.has(r.id) && !tolerated.has(r.id))
    .map((r) => ({
      id: r.id,
      articleId: r.articleId,
      why:
        alertChecks.find((c) => tripOfStory.get(c.story)?.id === r.tripId && c.kind === r.kind)?.verdict ??
        (pairedIds.has(r.tripId) ? 'not expected for this trip' : 'on a trip that is not expected'),
    }));
  const required = alertChecks.filter((c) => !c.optional);
  const counted = result.alerts.filter((r) => !tolerated.has(r.id) || onTime.has(r.id)).length;
  const stray = expected.not_in_any_trip.flatMap((articleId) =>
    [...paired.values()]
      .filter((t) => articlesOf(t).has(articleId))
      .map((t) => ({ articleId, tripId: t.id })),
  );
  const tp = pairs.filter((p) => p.tripId && !p.problem).length;
  return {
    trips: prf(tp, result.trips.length, expected.trips.length),
    tripsFound: prf(paired.size, result.trips.length, expected.trips.length),
    pairs,
    extraTrips: result.trips.filter((t) => !pairedIds.has(t.id)).map((t) => t.id),
    // Precision over every alert raised (an optional one raised on time counts); recall over required ones.
    alerts: prfOf(
      onTime.size,
      counted,
      required.filter((c) => c.verdict === 'on_time').length,
      required.length,
    ),
    alertChecks,
    wrongAlerts,
    strayArticles: stray,
  };
}
