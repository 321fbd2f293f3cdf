/**
 * @module store/record-types
 * The record's part of the store: the events read from each article, the trips merged from them,
 * the alerts raised, the webhooks they go to and the outbox of their deliveries. One request
 * object per method; the shapes are the domain's (src/events, src/alerts), not the tables'.
 */
import type { Alert } from '../alerts/index.js';
import type { Claim, Review, TripRecord, TripRecordStatus } from '../events/index.js';
import type { ExtractedEvent } from '../model.js';

/** Replaces what was read from one article (a re-extraction after a better extractor is idempotent). */
export interface SaveEventsRequest {
  articleId: string;
  events: readonly ExtractedEvent[];
}

/**
 * Trips are a projection of the claims about one subject: each merge replaces the subject's
 * machine trips. A new trip keeps the id of the stored trip it shares the most evidence with,
 * so a late report of an early article does not rename a trip (nor re-raise its alerts).
 */
export interface ReplaceTripsRequest {
  subjectId: string;
  trips: readonly TripRecord[];
}

export interface ListTripsRequest {
  subjectId?: string;
  countryIso2?: string;
  status?: TripRecordStatus;
  /** Also rejected trips and trips merged into others (kept, superseded). */
  includeSuperseded?: boolean;
  limit?: number;
}

/** When the record first held a trip, last changed it, and last merged it (changed or not). */
export interface TripTimes {
  addedAt: string;
  changedAt: string;
  checkedAt: string;
}

export type StoredTrip = TripRecord & TripTimes;

/**
 * Trips in the order they last changed (changedAt, then id), for a reader that pages forward and
 * comes back for what changed since: a trip that changes again moves to the end.
 */
export interface TripPageRequest extends Omit<ListTripsRequest, 'limit'> {
  id?: string;
  /** Only trips changed at or after this ISO time. */
  updatedSince?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface TripPage {
  trips: StoredTrip[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** A decision and its audit entry (the trips before and after it), written together. */
export interface AddReviewRequest {
  review: Review;
  before: readonly TripRecord[];
  after: readonly TripRecord[];
}

/** An alert as the pipeline raises it: when (the clock of the run) and after which article. */
export interface NewAlert extends Alert {
  createdAt: string;
  articleId: string;
}

export interface StoredAlert extends NewAlert {
  /** Order of raising, for readers that page forward (feeds, `alerts --since`). */
  seq: number;
}

export interface ListAlertsRequest {
  /** Only alerts created at or after this ISO time. */
  since?: string;
  tripId?: string;
  /** The newest first (for feeds), instead of the order they were raised in. */
  newestFirst?: boolean;
  /** Only alerts raised after this one (its `seq`): the next page of a reader paging forward. */
  afterSeq?: number;
  limit?: number;
}

export interface Webhook {
  id: string;
  url: string;
  /** The HMAC key of the signatures; never printed after it is added. */
  secret: string;
  /** Only these kinds of alert; every kind when absent. */
  kinds?: Alert['kind'][];
  createdAt: string;
  /** The user who added it on the web; absent for the operator's, added with the CLI. */
  ownerId?: string;
}

export type AddWebhookRequest = Pick<Webhook, 'url' | 'secret'> &
  Partial<Pick<Webhook, 'kinds' | 'ownerId'>> & {
    /** With an owner: refuse (StoreError 'limit_reached') when the owner has this many already. */
    maxPerOwner?: number;
  };

export interface ListWebhooksRequest {
  /** Only this user's; every webhook when absent. */
  ownerId?: string;
}

export interface RemoveWebhookRequest {
  id: string;
  /** Only if this user owns it (a webhook of someone else is as good as absent). */
  ownerId?: string;
}

/** The latest deliveries to one webhook, with the alert each carried. */
export interface ListDeliveriesRequest {
  webhookId: string;
  limit: number;
}

export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** One alert to one webhook: written with the alert, in the same transaction (the outbox). */
export interface Delivery {
  /** The idempotency key the receiver sees: stable across retries. */
  id: string;
  alertId: string;
  webhookId: string;
  state: DeliveryState;
  attempts: number;
  /** When it is due (again). */
  nextAttemptAt: string;
  lastError?: string;
  deliveredAt?: string;
}

export interface DueDeliveriesRequest {
  /** ISO time: deliveries due at or before it. */
  now: string;
  limit: number;
  /** Claim them for this long: no other sender gets them until then (if this one dies, they
   * come due again). Without it they are only looked at. */
  leaseSeconds?: number;
}

export type RecordAttemptRequest =
  | { id: string; outcome: 'delivered'; at: string }
  | { id: string; outcome: 'failed'; at: string; error: string; retryAt: string | null };

/** The tables of the record that `export` writes and `import` reads, parents first (store/dump). */
export type DumpTable =
  | 'articles'
  | 'article_records'
  | 'events'
  | 'trips'
  | 'trip_history'
  | 'trip_evidence'
  | 'alerts'
  | 'trip_reviews'
  | 'audit_log';

/** The whole record as rows, for `export` and `import`. */
export interface DumpRepository {
  /** The record's rows of one table, in key order, for export (store/dump). */
  dumpRows(req: { table: DumpTable; offset: number; limit: number }): Promise<Record<string, unknown>[]>;
  /** Adds exported rows not already there; returns how many were new. */
  loadRows(req: { table: DumpTable; rows: readonly Record<string, unknown>[] }): Promise<number>;
}

/** The events read from each article, the claims made of them, and the record step's queue. */
export interface EventRepository {
  /** Articles whose record step has not run, in publication order (the pipeline's queue). */
  unrecordedArticles(req: { limit: number }): Promise<string[]>;
  /** The article's events, trips and alerts are stored: it leaves the queue. Idempotent. */
  markRecorded(req: { articleId: string }): Promise<void>;
  saveEvents(req: SaveEventsRequest): Promise<void>;
  /** Every claim about the subject: its events with their articles (publication, else fetch time). */
  claimsAbout(req: { subjectId: string }): Promise<Claim[]>;
}

/** The trips, a projection of the claims about each person. */
export interface TripRepository {
  /** Returns the trips as stored, with their kept ids. */
  replaceTrips(req: ReplaceTripsRequest): Promise<TripRecord[]>;
  listTrips(req: ListTripsRequest): Promise<TripRecord[]>;
  getTrip(req: { id: string }): Promise<TripRecord | undefined>;
  /** Trips with their times, a page at a time (TripPageRequest). */
  pageTrips(req: TripPageRequest): Promise<TripPage>;
}

/** Analysts' decisions on trips, each with its audit entry. */
export interface ReviewRepository {
  addReview(req: AddReviewRequest): Promise<void>;
  reviewsAbout(req: { subjectId: string }): Promise<Review[]>;
  /** The audit entries about a target (a trip id), oldest first. */
  auditOf(req: { target: string }): Promise<AuditEntry[]>;
}

/** The alerts raised, the webhooks they go to and the outbox of their deliveries. */
export interface AlertRepository {
  /** Stores the alerts not raised before (by id) with a delivery per matching webhook; returns those. */
  raiseAlerts(req: { alerts: readonly NewAlert[] }): Promise<StoredAlert[]>;
  listAlerts(req: ListAlertsRequest): Promise<StoredAlert[]>;
  addWebhook(req: AddWebhookRequest): Promise<Webhook>;
  listWebhooks(req: ListWebhooksRequest): Promise<Webhook[]>;
  removeWebhook(req: RemoveWebhookRequest): Promise<boolean>;
  /** Newest alert first. */
  listDeliveries(req: ListDeliveriesRequest): Promise<(Delivery & { alert: StoredAlert })[]>;
  dueDeliveries(req: DueDeliveriesRequest): Promise<(Delivery & { alert: StoredAlert; webhook: Webhook })[]>;
  recordAttempt(req: RecordAttemptRequest): Promise<void>;
}

/** The record's repositories together. */
export interface RecordStore
  extends DumpRepository, EventRepository, TripRepository, ReviewRepository, AlertRepository {}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  why: string | null;
}
