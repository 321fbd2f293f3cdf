/**
 * @module store/schema
 * The row types of the tables, as Kysely sees them. Ids and timestamps are text (ISO 8601 UTC) and
 * booleans are 0/1 integers, so the same rows fit SQLite and PostgreSQL.
 */
import type { AlertKind } from '../alerts/index.js';
import type { TripRecordStatus, TripReview } from '../events/index.js';
import type { CommentHeld, CommentKind, CommentState, ReplyMailState } from './comments-types.js';
import type { PublishedPrecision } from './published.js';
import type { UserRole } from './users-types.js';
import type { DeliveryState } from './record-types.js';
import type { FetchOutcome, ItemState, SourceKind } from './types.js';

export interface SchemaVersionTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SourcesTable {
  id: string;
  kind: SourceKind;
  url: string;
  title: string | null;
  schedule_minutes: number | null;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_error: string | null;
  enabled: number;
}

export interface FetchesTable {
  id: string;
  source_id: string | null;
  url: string;
  fetched_at: string;
  status: number | null;
  raw_sha256: string | null;
  bytes: number | null;
  content_type: string | null;
  charset: string | null;
  outcome: FetchOutcome;
  error_code: string | null;
  error_message: string | null;
}

export interface ItemsTable {
  id: string;
  source_id: string;
  url: string;
  raw_sha256: string | null;
  state: ItemState;
  error: string | null;
  first_seen_at: string;
  updated_at: string;
  article_id: string | null;
}

/** The SimHash bands band0..band7 (its bytes), indexed one by one for near-duplicate look-up. */
export interface SimhashBandColumns {
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  band4: number;
  band5: number;
  band6: number;
  band7: number;
}

export interface ArticlesTable extends SimhashBandColumns {
  id: string;
  url: string;
  canonical_url: string | null;
  source: string;
  title: string | null;
  byline: string | null;
  /** ISO 8601 UTC with milliseconds (a day alone: its midnight UTC); store/published. */
  published_at: string | null;
  /** 'day' when the source gave a day alone, 'time' for an instant; NULL with published_at. */
  published_precision: PublishedPrecision | null;
  /** The UTC offset the source wrote, in minutes (0 for UTC or none); NULL for a day. */
  published_offset: number | null;
  fetched_at: string;
  lang: string | null;
  text: string;
  content_hash: string;
  simhash: string;
  cluster_id: string;
}

export interface EventsTable {
  article_id: string;
  seq: number;
  type: string;
  subject_id: string;
  country_iso2: string | null;
  city: string | null;
  start_day: string | null;
  end_day: string | null;
  status: string;
  confidence: number;
  /** JSON: the evidence spans. */
  evidence: string;
}

export interface ArticleRecordsTable {
  article_id: string;
  recorded_at: string;
}

export interface TripsTable {
  id: string;
  subject_id: string;
  country_iso2: string;
  city: string | null;
  start_day: string | null;
  end_day: string | null;
  status: TripRecordStatus;
  confidence: number;
  first_reported: string;
  /** JSON: the contradictions. */
  contradictions: string;
  arrest_article_id: string | null;
  arrest_published: string | null;
  curated_id: string | null;
  curated_outcome: string | null;
  /** JSON: the curated record's source URLs. */
  curated_sources: string | null;
  review_state: TripReview['state'] | null;
  /** JSON: where analysts' decisions left the trip. */
  review: string | null;
  /** ISO times (migration 6): first stored, content last changed, last merged. NULL only in rows
   * imported from a dump of an older version. */
  added_at: string | null;
  changed_at: string | null;
  checked_at: string | null;
  /** SHA-256 of the trip's content (row, history, evidence) without the times. */
  content_hash: string | null;
}

export interface TripReviewsTable {
  id: string;
  subject_id: string;
  trip_id: string;
  /** JSON: the trip's articles when the decision was taken. */
  articles: string;
  /** JSON: the ReviewAction. */
  action: string;
  by: string;
  at: string;
  why: string | null;
}

export interface TripHistoryTable {
  trip_id: string;
  seq: number;
  status: TripRecordStatus;
  article_id: string;
  published: string;
  basis: 'reported' | 'seen_elsewhere';
}

export interface TripEvidenceTable {
  trip_id: string;
  seq: number;
  article_id: string;
  url: string;
  published: string;
  cluster_id: string;
  status: TripRecordStatus;
  start_day: string | null;
  end_day: string | null;
  city: string | null;
  confidence: number;
  quote: string;
  moved: number;
}

export interface AlertsTable {
  id: string;
  seq: number;
  kind: AlertKind;
  trip_id: string;
  subject_id: string;
  country_iso2: string;
  created_at: string;
  article_id: string;
  evidence_article_id: string;
  evidence_published: string;
  /** JSON: the duty's kind, basis and date. */
  duty: string;
}

export interface WebhooksTable {
  id: string;
  url: string;
  secret: string;
  /** JSON: the alert kinds, or NULL for all. */
  kinds: string | null;
  created_at: string;
  removed_at: string | null;
  /** The account that added it on the web; NULL for the operator's (the CLI's). */
  owner_id: string | null;
}

export interface DeliveriesTable {
  id: string;
  alert_id: string;
  webhook_id: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  claim: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  why: string | null;
}

export interface CommentsTable {
  id: string;
  /** 'trip:<id>'. */
  target: string;
  parent_id: string | null;
  kind: CommentKind;
  name: string;
  /** HMAC of the normalised e-mail address with the site secret; the address is never stored. */
  email_key: string;
  website: string | null;
  body: string;
  source_url: string | null;
  state: CommentState;
  held: CommentHeld | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  /** Corrections only: 'open' until an analyst has looked at it. */
  review_state: 'open' | 'done' | null;
}

export interface CommentTargetsTable {
  target: string;
  premoderate: number;
  set_by: string;
  set_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  role: UserRole;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's value: a leaked database does not hand out sessions. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SiteSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/** One row (id 1): moved on by every write the public can see (store/public-version). */
export interface PublicVersionTable {
  id: number;
  version: number;
}

export interface CommentSubscriptionsTable {
  comment_id: string;
  /** The author's address, AES-256-GCM under a key derived from the site secret (web/auth/keys). */
  sealed_address: string;
  created_at: string;
}

export interface ReplyMailsTable {
  id: string;
  reply_id: string;
  parent_id: string;
  state: ReplyMailState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  claim: string | null;
  created_at: string;
}

export interface DB {
  schema_version: SchemaVersionTable;
  sources: SourcesTable;
  fetches: FetchesTable;
  items: ItemsTable;
  articles: ArticlesTable;
  events: EventsTable;
  article_records: ArticleRecordsTable;
  trips: TripsTable;
  trip_history: TripHistoryTable;
  trip_evidence: TripEvidenceTable;
  alerts: AlertsTable;
  webhooks: WebhooksTable;
  deliveries: DeliveriesTable;
  audit_log: AuditLogTable;
  trip_reviews: TripReviewsTable;
  comments: CommentsTable;
  comment_targets: CommentTargetsTable;
  users: UsersTable;
  sessions: SessionsTable;
  site_secrets: SiteSecretsTable;
  public_version: PublicVersionTable;
  comment_subscriptions: CommentSubscriptionsTable;
  reply_mails: ReplyMailsTable;
}

export const BAND_COLUMNS = [
  'band0',
  'band1',
  'band2',
  'band3',
  'band4',
  'band5',
  'band6',
  'band7',
] as const satisfies readonly (keyof SimhashBandColumns)[];
