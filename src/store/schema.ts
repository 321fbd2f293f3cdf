/**
 * @module store/schema
 * The row types of the tables, as Kysely sees them. Ids and timestamps are text (ISO 8601 UTC) and
 * booleans are 0/1 integers, so the same rows fit SQLite and PostgreSQL.
 */
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
  published_at: string | null;
  fetched_at: string;
  lang: string | null;
  text: string;
  content_hash: string;
  simhash: string;
  cluster_id: string;
}

export interface DB {
  schema_version: SchemaVersionTable;
  sources: SourcesTable;
  fetches: FetchesTable;
  items: ItemsTable;
  articles: ArticlesTable;
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
