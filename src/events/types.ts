/**
 * @module events/types
 * The record's trip as merging builds it: one real journey of one subject to one state, its status
 * history and the claims (article events) behind it. Distinct from the registry's curated `Trip`,
 * which is a confirmed historical record; a curated trip seeds a `TripRecord` of its own.
 */
import type { ExtractedEvent, TripStatus } from '../model.js';

/** The statuses a trip can be in; `none` links a person to a country and makes no trip. */
export type TripRecordStatus = Exclude<TripStatus, 'none'>;

/** Where a trip stands after the analysts' decisions; null when none concerns it. */
export type TripReview =
  | { state: 'confirmed' | 'edited'; reviewId: string; by: string; at: string }
  | { state: 'rejected'; reviewId: string; by: string; at: string }
  | { state: 'merged'; into: string; reviewId: string; by: string; at: string };

/** What came of a trip, as far as the record knows. */
export type TripRecordOutcome = 'arrested' | 'not_arrested' | 'cancelled' | 'remote' | 'unknown';

/**
 * A curated trip of data/registry as the record takes it: confirmed, so news about it attaches as
 * evidence and never moves its status, days or city (an analyst's word outranks the machine's).
 */
export interface CuratedTrip {
  /** The registry's id, kept as the trip's id: PUT-2024-09-02-MN. */
  id: string;
  subjectId: string;
  iso2: string;
  city: string | null;
  start: string | null;
  end: string | null;
  /** YYYY-MM when only the month is known. */
  month: string | null;
  status: TripRecordStatus;
  outcome: TripRecordOutcome;
  sources: string[];
}

/** What merging needs of an article: who said it, and when. */
export interface ArticleRef {
  id: string;
  url: string;
  /** Publication time as printed: a day (2024-09-03) or an ISO date-time with offset. */
  published: string;
  /** Near-duplicate cluster: copies of one text count once as support. Defaults to the id. */
  clusterId?: string;
}

/** One extracted event of one article: a claim about a journey. */
export interface Claim {
  article: ArticleRef;
  event: ExtractedEvent;
}

/** A move of the trip's status and the article that made it. */
export interface StatusChange {
  status: TripRecordStatus;
  articleId: string;
  published: string;
  /** `reported`: the article says so; `seen_elsewhere`: it reports him in another state since. */
  basis: 'reported' | 'seen_elsewhere';
}

/** A claim as it stands in a trip: its article, what it said, and whether it moved the trip. */
export interface TripEvidence {
  articleId: string;
  url: string;
  published: string;
  clusterId: string;
  status: TripRecordStatus;
  start: string | null;
  end: string | null;
  city: string | null;
  confidence: number;
  /** The sentence(s) the extractor read it from. */
  quote: string;
  /** The claim moved the status (it is in `history`), rather than repeating or contradicting it. */
  moved: boolean;
}

/** Sources that disagree on a field: shown to the user, not silently resolved. */
export interface Contradiction {
  field: 'start' | 'end' | 'city' | 'status';
  values: { value: string; articleIds: string[] }[];
}

export interface TripRecord {
  /** Stable for the same first claim: `trip-<subject>-<iso2>-<first publication day>-<hash>`. */
  id: string;
  subjectId: string;
  countryIso2: string;
  city: string | null;
  /** YYYY-MM-DD, or null when no source gives the day. */
  start: string | null;
  end: string | null;
  status: TripRecordStatus;
  /** Every status move in publication order; the first entry is the first claim. */
  history: StatusChange[];
  /** Every claim joined to the trip, in publication order. */
  evidence: TripEvidence[];
  contradictions: Contradiction[];
  /** 0..1: from the strongest claims, raised by independent sources, lowered by contradictions. */
  confidence: number;
  /** The earliest report of the trip (publication time of its first claim); for a curated trip
   * no news has spoken of, its first day. */
  firstReported: string;
  /** An arrest of the subject in the host state reported with or after the trip. */
  arrest: { articleId: string; published: string } | null;
  /** Where analysts' decisions (events/review) left it; null when none concerns it. */
  review: TripReview | null;
  /** Set when the trip is a curated record: its status, days, city and outcome are the record's. */
  curated: Pick<CuratedTrip, 'id' | 'outcome' | 'sources'> | null;
}
