/**
 * @module store/migrations/001_ingest
 * The ingestion tables: sources, fetches, items, articles. Portable DDL only (text ids, ISO text
 * times, integer flags, CHECK lists), so PostgreSQL can run the same migration.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Migration } from './migration.js';

const BANDS = ['band0', 'band1', 'band2', 'band3', 'band4', 'band5', 'band6', 'band7'];

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('feed', 'page', 'telegram', 'file')`))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('schedule_minutes', 'integer')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetched_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('fetches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.references('sources.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('raw_sha256', 'text')
    .addColumn('bytes', 'integer')
    .addColumn('content_type', 'text')
    .addColumn('charset', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok', 'not_modified', 'failed')`))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema.createIndex('fetches_source').on('fetches').columns(['source_id', 'fetched_at']).execute();

  // Created before items, which refer to it: PostgreSQL wants the target to exist.
  let articles = db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('published_at', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('lang', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('simhash', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull());
  for (const band of BANDS) articles = articles.addColumn(band, 'integer', (c) => c.notNull());
  await articles.execute();
  await db.schema.createIndex('articles_url').on('articles').column('url').execute();
  await db.schema.createIndex('articles_canonical_url').on('articles').column('canonical_url').execute();
  await db.schema.createIndex('articles_published_at').on('articles').column('published_at').execute();
  await db.schema.createIndex('articles_fetched').on('articles').columns(['fetched_at', 'id']).execute();
  await db.schema.createIndex('articles_cluster').on('articles').column('cluster_id').execute();
  for (const band of BANDS) {
    await db.schema.createIndex(`articles_${band}`).on('articles').column(band).execute();
  }

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('raw_sha256', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('fetched', 'extracted', 'failed', 'duplicate')`),
    )
    .addColumn('error', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.references('articles.id'))
    .addUniqueConstraint('items_source_url', ['source_id', 'url'])
    .execute();
  await db.schema.createIndex('items_state').on('items').columns(['state', 'first_seen_at']).execute();
}

export const ingest: Migration = { version: 1, name: 'ingest', up };
