/**
 * @module store
 * Persistence for every stage behind one narrow interface: SQLite by default, or PostgreSQL,
 * numbered migrations, and articles saved with their duplicate checks and clusters.
 */
export type {
  ArticlePage,
  ArticleRepository,
  IngestLogRepository,
  DuplicateReason,
  Fetch,
  FetchOutcome,
  Item,
  ItemState,
  ListArticlesRequest,
  RecordFetchRequest,
  SaveArticleRequest,
  SaveArticleResult,
  Source,
  SourceKind,
  Store,
  UpsertItemRequest,
  UpsertSourceRequest,
} from './types.js';
export type {
  AddReviewRequest,
  AddWebhookRequest,
  AlertRepository,
  AuditEntry,
  Delivery,
  DeliveryState,
  DueDeliveriesRequest,
  DumpRepository,
  DumpTable,
  EventRepository,
  ListAlertsRequest,
  ListDeliveriesRequest,
  ListTripsRequest,
  ListWebhooksRequest,
  NewAlert,
  RecordAttemptRequest,
  RecordStore,
  RemoveWebhookRequest,
  ReplaceTripsRequest,
  ReviewRepository,
  SaveEventsRequest,
  StoredAlert,
  StoredTrip,
  TripPage,
  TripPageRequest,
  TripRepository,
  TripTimes,
  Webhook,
} from './record-types.js';
export type { FailPoint } from './context.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { DUMP_TABLES, isDumpTable } from './dump.js';
export { DEFAULT_DATABASE_URL, parseLocation } from './location.js';
export { LATEST_VERSION } from './migrations/index.js';
export { checkSchema, migrate, schemaVersion, type MigrateOptions, type MigrationLock } from './migrate.js';
export { openStore, type OpenStoreOptions } from './open.js';
export type {
  AddCommentRequest,
  Comment,
  CommentHeld,
  CommentKind,
  CommentRepository,
  CommentState,
  DecideCommentRequest,
  DueReplyMail,
  PurgePendingRequest,
  PurgePendingResult,
  RecordReplyMailRequest,
  ReplyMailState,
} from './comments-types.js';
export type { Session, User, UserRepository, UserRole } from './users-types.js';
