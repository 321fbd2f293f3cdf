/**
 * @module events/merge
 * Claims from many articles become trips: one per real journey of one subject to one state. The
 * claims are taken in publication order (then article id), so the same claims in any order give
 * the same trips. Each claim joins the nearest trip of its subject and state whose days it can be
 * about (events/window) and whose status it can follow (events/status), or starts a trip of its
 * own; a claim of `none` (an open invitation, a hypothetical) makes no trip.
 */
import { createHash } from 'node:crypto';
import { dayNumber } from '../law/index.js';
import type { ExtractedEvent } from '../model.js';
import { byPublication } from './order.js';
import { MOVING_CONFIDENCE, tripFields } from './fields.js';
import { canMove, STAGE } from './status.js';
import type {
  Claim,
  CuratedTrip,
  StatusChange,
  TripEvidence,
  TripRecord,
  TripRecordStatus,
} from './types.js';
import { claimSpan, curatedSpan, distance, hull, overlaps, type ClaimSpan, type Span } from './window.js';

interface Building {
  subjectId: string;
  iso2: string;
  status: TripRecordStatus;
  history: StatusChange[];
  evidence: TripEvidence[];
  /** Days from claims that print them; else from publication days. */
  dated: Span | null;
  undated: Span | null;
  /** The earliest first day a strong claim prints. */
  firstDay: number | null;
  arrest: TripRecord['arrest'];
  /** A confirmed record: claims attach to it as evidence and change nothing else. */
  curated: CuratedTrip | null;
}

/** The total order of claims: publication, article, then along the journey within one article. */
function compareClaims(a: Claim, b: Claim): number {
  return (
    byPublication(a.article, b.article) ||
    STAGE[a.event.status as TripRecordStatus] - STAGE[b.event.status as TripRecordStatus] ||
    cmp(a.event.subjectId, b.event.subjectId) ||
    cmp(a.event.countryIso2 ?? '', b.event.countryIso2 ?? '') ||
    cmp(a.event.start ?? '', b.event.start ?? '') ||
    cmp(a.event.city ?? '', b.event.city ?? '') ||
    b.event.confidence - a.event.confidence
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const isTripClaim = (e: ExtractedEvent) => e.type === 'trip' && e.countryIso2 !== null && e.status !== 'none';

const spanOf = (t: Building): Span => (t.dated ?? t.undated)!;

function canJoin(t: Building, claim: Claim, status: TripRecordStatus, at: ClaimSpan): boolean {
  if (!overlaps(spanOf(t), at.span)) return false;
  // A new plan without days after a journey ended is the next journey, not this one.
  if (status === 'planned' && !at.dated && (t.status === 'completed' || t.status === 'remote')) return false;
  // A journey over by the time of writing is not one due to begin after it ("he last visited in 2019").
  return !(
    status === 'completed' &&
    t.firstDay !== null &&
    t.firstDay > dayNumber(claim.article.published) + 1
  );
}

const firstDayOf = (claim: Claim) => (claim.event.start ? dayNumber(claim.event.start) : null);

function evidenceOf(claim: Claim, status: TripRecordStatus, moved: boolean): TripEvidence {
  const { article, event } = claim;
  return {
    articleId: article.id,
    url: article.url,
    published: article.published,
    clusterId: article.clusterId ?? article.id,
    status,
    start: event.start,
    end: event.end,
    city: event.city,
    confidence: event.confidence,
    quote: event.evidence.map((e) => e.text).join(' … '),
    moved,
  };
}

function add(t: Building, claim: Claim, status: TripRecordStatus, at: ClaimSpan): void {
  if (t.curated) {
    t.evidence.push(evidenceOf(claim, status, false));
    return;
  }
  const strong = claim.event.confidence >= MOVING_CONFIDENCE;
  const moved = strong && t.status !== status && canMove(t.status, status);
  if (moved) {
    t.status = status;
    t.history.push({
      status,
      articleId: claim.article.id,
      published: claim.article.published,
      basis: 'reported',
    });
  }
  t.evidence.push(evidenceOf(claim, status, moved));
  if (!strong) return;
  const day = firstDayOf(claim);
  if (day !== null && (t.firstDay === null || day < t.firstDay)) t.firstDay = day;
  if (at.dated) t.dated = t.dated ? hull(t.dated, at.span) : at.span;
  else t.undated = t.undated ? hull(t.undated, at.span) : at.span;
}

function start(claim: Claim, status: TripRecordStatus, at: ClaimSpan): Building {
  const { article, event } = claim;
  return {
    subjectId: event.subjectId,
    iso2: event.countryIso2!,
    status,
    history: [{ status, articleId: article.id, published: article.published, basis: 'reported' }],
    evidence: [evidenceOf(claim, status, true)],
    dated: at.dated ? at.span : null,
    undated: at.dated ? null : at.span,
    firstDay: firstDayOf(claim),
    arrest: null,
    curated: null,
  };
}

function seed(c: CuratedTrip): Building {
  return {
    subjectId: c.subjectId,
    iso2: c.iso2,
    status: c.status,
    history: [],
    evidence: [],
    dated: curatedSpan(c),
    undated: null,
    firstDay: c.start ? dayNumber(c.start) : null,
    arrest: null,
    curated: c,
  };
}

function tripId(t: Building): string {
  const first = t.evidence[0]!;
  const hash = createHash('sha256').update(`${t.subjectId}|${t.iso2}|${first.articleId}`).digest('hex');
  return `trip-${t.subjectId}-${t.iso2}-${first.published.slice(0, 10)}-${hash.slice(0, 6)}`;
}

function finish(t: Building): TripRecord {
  if (t.curated) return finishCurated(t, t.curated);
  return {
    id: tripId(t),
    subjectId: t.subjectId,
    countryIso2: t.iso2,
    ...tripFields(t.evidence),
    status: t.status,
    history: t.history,
    evidence: t.evidence,
    firstReported: t.evidence[0]!.published,
    arrest: t.arrest,
    review: null,
    curated: null,
  };
}

function finishCurated(t: Building, c: CuratedTrip): TripRecord {
  const news = t.evidence.length ? tripFields(t.evidence) : null;
  return {
    id: c.id,
    subjectId: c.subjectId,
    countryIso2: c.iso2,
    city: c.city,
    start: c.start,
    end: c.end,
    status: c.status,
    history: t.history,
    evidence: t.evidence,
    contradictions: news?.contradictions ?? [],
    confidence: 1,
    firstReported: t.evidence[0]?.published ?? c.start ?? `${c.month!}-01`,
    arrest: t.arrest,
    review: null,
    curated: { id: c.id, outcome: c.outcome, sources: c.sources },
  };
}

/**
 * The trips the claims tell, in order of first report, after the curated trips given (all of
 * them, with the news about each). Claims of other event types are ignored, except an arrest in
 * the host state, which is attached to the trip it ends.
 */
export function mergeTrips(claims: readonly Claim[], curated: readonly CuratedTrip[] = []): TripRecord[] {
  const open = new Map<string, Building[]>();
  const all: Building[] = [];
  for (const c of [...curated].sort((a, b) => cmp(a.id, b.id))) {
    const key = `${c.subjectId}|${c.iso2}`;
    const known = seed(c);
    open.set(key, [...(open.get(key) ?? []), known]);
    all.push(known);
  }
  for (const claim of [...claims].sort(compareClaims)) {
    const { event } = claim;
    const key = `${event.subjectId}|${event.countryIso2}`;
    const trips = open.get(key) ?? [];
    if (event.type === 'arrest' && event.countryIso2) {
      const at = claimSpan(claim, 'completed');
      const trip = nearest(
        trips.filter((t) => overlaps(spanOf(t), at.span)),
        at,
      );
      if (trip && !trip.arrest)
        trip.arrest = { articleId: claim.article.id, published: claim.article.published };
      continue;
    }
    if (!isTripClaim(event)) continue;
    const status = event.status as TripRecordStatus;
    const at = claimSpan(claim, status);
    const trip = nearest(
      trips.filter((t) => canJoin(t, claim, status, at)),
      at,
    );
    let joined = trip;
    if (trip) add(trip, claim, status, at);
    else if (event.confidence >= MOVING_CONFIDENCE) {
      joined = start(claim, status, at);
      open.set(key, [...trips, joined]);
      all.push(joined);
    }
    if (joined?.status === 'under_way' && event.confidence >= MOVING_CONFIDENCE)
      leftElsewhere(all, joined, claim);
  }
  return all.map(finish);
}

/** How long after a stay was last reported a report from elsewhere still ends it: one tour. */
export const TOUR_DAYS = 14;

/**
 * One man is in one state at a time: reported under way in one, he has left any other he was
 * reported in shortly before (a tour: "in Hanoi on Wednesday, after a day in Pyongyang"), unless
 * the days say that stay began after this one. A stay last reported longer ago keeps its last
 * reported status: the news never said when it ended, and the record does not guess.
 */
function leftElsewhere(all: readonly Building[], here: Building, claim: Claim): void {
  const day = firstDayOf(claim);
  const seen = dayNumber(claim.article.published);
  for (const t of all) {
    if (t === here || t.subjectId !== here.subjectId || t.status !== 'under_way') continue;
    const arrived = t.history.at(-1)!;
    if (byPublication({ published: arrived.published, id: arrived.articleId }, claim.article) >= 0) continue;
    if (seen - dayNumber(arrived.published) > TOUR_DAYS) continue;
    if (day !== null && t.firstDay !== null && t.firstDay > day) continue;
    const { article } = claim;
    t.status = 'completed';
    t.history.push({
      status: 'completed',
      articleId: article.id,
      published: article.published,
      basis: 'seen_elsewhere',
    });
    // The claim's days and city are the other state's: none of them is this trip's.
    t.evidence.push({ ...evidenceOf(claim, 'completed', true), start: null, end: null, city: null });
  }
}

function nearest(trips: readonly Building[], at: ClaimSpan): Building | undefined {
  let chosen: Building | undefined;
  for (const t of trips)
    if (!chosen || distance(spanOf(t), at.span) < distance(spanOf(chosen), at.span)) chosen = t;
  return chosen;
}
