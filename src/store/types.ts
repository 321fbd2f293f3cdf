/**
 * @module store/types
 * The store's interface: what the stages may ask of storage, one typed request object per method.
 * Every method returns a promise, although better-sqlite3 is synchronous: the PostgreSQL driver is
 * not, and one interface must serve both (Kysely is promise-based over either).
 */
import type { Fingerprint } from '../ingest/dedup/index.js';
import type { Article, ArticleDraft } from '../model.js';
import type { CommentRepository } from './comments-types.js';
import type { RecordStore } from './record-types.js';
import type { UserRepository } from './users-types.js';

export type SourceKind = 'feed' | 'page' | 'telegram' | 'file';
export type FetchOutcome = 'ok' | 'not_modified' | 'failed';
export type ItemState = 'fetched' | 'extracted' | 'failed' | 'duplicate';
export type DuplicateReason = 'canonical_url' | 'content_hash' | 'near_duplicate';

export interface Source {
  id: string;
  kind: SourceKind;
  url: string;
  title?: string;
  scheduleMinutes?: number;
  /** Validators of the last successful fetch, for a conditional GET. */
  etag?: string;
  lastModified?: string;
  lastFetchedAt?: string;
  lastError?: string;
  enabled: boolean;
}

/** Creates or updates a configured source; what fetching learned (etag, last error...) is kept. */
export type UpsertSourceRequest = Pick<Source, 'id' | 'kind' | 'url'> &
  Partial<Pick<Source, 'title' | 'scheduleMinutes' | 'enabled'>>;

export interface Fetch {
  id: string;
  sourceId?: string;
  url: string;
  fetchedAt: string;
  /** HTTP status; absent for file reads and network failures. */
  status?: number;
  rawSha256?: string;
  bytes?: number;
  contentType?: string;
  charset?: string;
  outcome: FetchOutcome;
  errorCode?: string;
  errorMessage?: string;
}

/** One fetch attempt or file read; also updates its source's validators and last error. */
export type RecordFetchRequest = Omit<Fetch, 'id'> & { etag?: string; lastModified?: string };

export interface Item {
  id: string;
  sourceId: string;
  url: string;
  rawSha256?: string;
  state: ItemState;
  error?: string;
  firstSeenAt: string;
  updatedAt: string;
  articleId?: string;
}

/** Idempotent on (sourceId, url): seeing an entry again updates it and keeps its id and firstSeenAt. */
export type UpsertItemRequest = Pick<Item, 'sourceId' | 'url'> &
  Partial<Pick<Item, 'rawSha256' | 'state' | 'error'>>;

export interface SaveArticleRequest {
  draft: ArticleDraft;
  /** The draft text's fingerprint, from ingest/dedup `fingerprint`: the store compares, it does
   * not hash. Its shape is checked (hex lengths, bands equal to the SimHash's bytes). */
  fingerprint: Fingerprint;
  /** The id its input gives it (a JSON-lines article, a replay); a new one when absent. */
  id?: string;
  /** When it was fetched or read, ISO 8601. */
  fetchedAt: string;
  /** The item it was extracted from: linked and moved to `extracted` or `duplicate` atomically. */
  itemId?: string;
}

/**
 * `new`: stored; a new version when a page at a known URL has changed ("will arrive" became
 * "arrived"): the old one is kept, both are evidence, in one cluster. `duplicate` by canonical_url or content_hash: not stored, `of` is the stored copy.
 * `duplicate` by near_duplicate: stored all the same (a rewrite may change a fact, "will arrive" to
 * "arrived"), in the cluster of `of`, its nearest stored neighbour.
 */
export type SaveArticleResult =
  /** `versionOf`: the article stored before at the same URL, whose text has changed since. */
  | { kind: 'new'; article: Article; versionOf?: string }
  | { kind: 'duplicate'; of: string; reason: 'canonical_url' | 'content_hash' }
  | { kind: 'duplicate'; of: string; reason: 'near_duplicate'; article: Article };

export interface ListArticlesRequest {
  /** Only articles fetched at or after this ISO time. */
  since?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/** Articles in the order they were fetched (fetchedAt, then id): a consumer pages forward. */
export interface ArticlePage {
  articles: Article[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/** The ingest log: the configured sources, each fetch attempt, each entry seen (an item). */
export interface IngestLogRepository {
  upsertSource(req: UpsertSourceRequest): Promise<Source>;
  listSources(req: { enabledOnly?: boolean }): Promise<Source[]>;
  recordFetch(req: RecordFetchRequest): Promise<Fetch>;
  upsertItem(req: UpsertItemRequest): Promise<Item>;
  /** Oldest first; of one source only when `sourceId` is given. */
  itemsInState(req: { state: ItemState; sourceId?: string; limit?: number }): Promise<Item[]>;
}

/** The articles, with their copies and clusters. */
export interface ArticleRepository {
  saveArticle(req: SaveArticleRequest): Promise<SaveArticleResult>;
  getArticle(req: { id: string }): Promise<Article | undefined>;
  listArticles(req: ListArticlesRequest): Promise<ArticlePage>;
  countArticles(req: { since?: string }): Promise<number>;
}

/**
 * Every aggregate's repository (the ingest log and articles here, the record's in
 * store/record-types) over one database. A consumer names the methods it uses (`Pick<Store, ...>`,
 * or one repository), so its signature says what it reads and writes; only an opener returns it whole.
 */
export interface Store
  extends IngestLogRepository, ArticleRepository, RecordStore, CommentRepository, UserRepository {
  /** The schema version of the database (the number of the last migration applied). */
  schemaVersion(): Promise<number>;
  /**
   * Moves on after every write to what the public sees (trips, alerts, reviews, comments), by any
   * process: while it is unchanged, what was rendered from the record is still true.
   */
  publicVersion(): Promise<number>;
  close(): Promise<void>;
}
