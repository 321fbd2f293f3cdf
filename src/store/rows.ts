/**
 * @module store/rows
 * Rows to domain objects and back: snake_case columns, NULL for absent, 0/1 for booleans.
 */
import type { Article } from '../model.js';
import { publishedOf } from './published.js';
import type { ArticlesTable, FetchesTable, ItemsTable, SourcesTable } from './schema.js';
import type { Fetch, Item, Source } from './types.js';

/** Copies the defined entries only, so an absent column is an absent property, not `undefined`. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const opt = <T>(v: T | null): T | undefined => v ?? undefined;

export function toSource(r: SourcesTable): Source {
  return defined({
    id: r.id,
    kind: r.kind,
    url: r.url,
    title: opt(r.title),
    scheduleMinutes: opt(r.schedule_minutes),
    etag: opt(r.etag),
    lastModified: opt(r.last_modified),
    lastFetchedAt: opt(r.last_fetched_at),
    lastError: opt(r.last_error),
    enabled: Number(r.enabled) === 1,
  });
}

export function toFetch(r: FetchesTable): Fetch {
  return defined({
    id: r.id,
    sourceId: opt(r.source_id),
    url: r.url,
    fetchedAt: r.fetched_at,
    status: opt(r.status),
    rawSha256: opt(r.raw_sha256),
    bytes: opt(r.bytes),
    contentType: opt(r.content_type),
    charset: opt(r.charset),
    outcome: r.outcome,
    errorCode: opt(r.error_code),
    errorMessage: opt(r.error_message),
  });
}

export function toItem(r: ItemsTable): Item {
  return defined({
    id: r.id,
    sourceId: r.source_id,
    url: r.url,
    rawSha256: opt(r.raw_sha256),
    state: r.state,
    error: opt(r.error),
    firstSeenAt: r.first_seen_at,
    updatedAt: r.updated_at,
    articleId: opt(r.article_id),
  });
}

export function toArticle(r: ArticlesTable): Article {
  return defined({
    id: r.id,
    url: r.url,
    canonicalUrl: opt(r.canonical_url),
    source: r.source,
    title: opt(r.title),
    byline: opt(r.byline),
    publishedAt: publishedOf(r),
    fetchedAt: r.fetched_at,
    lang: opt(r.lang),
    text: r.text,
    contentHash: r.content_hash,
    simhash: r.simhash,
    clusterId: r.cluster_id,
  });
}
