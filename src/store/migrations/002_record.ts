/**
 * @module store/migrations/002_record
 * The record: events read from articles, trips with their status history and evidence, alerts,
 * webhooks with the outbox of deliveries, and the audit log of analysts' changes. Portable DDL
 * (but for the float type, store/migrations/dialect); lists (a duty's basis, a webhook's kinds)
 * are JSON text, read back by the code.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { float8 } from './dialect.js';
import type { Migration } from './migration.js';

const STATUSES = sql`('planned', 'under_way', 'completed', 'cancelled', 'remote')`;

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('country_iso2', 'text')
    .addColumn('city', 'text')
    .addColumn('start_day', 'text')
    .addColumn('end_day', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confidence', float8(db), (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['article_id', 'seq'])
    .execute();
  await db.schema.createIndex('events_subject').on('events').columns(['subject_id', 'article_id']).execute();

  // An article's record step (events, trips, alerts) is done when it has a row here: the queue of
  // the pipeline is the articles without one, so a restart resumes where the last run stopped.
  await db.schema
    .createTable('article_records')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('country_iso2', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('start_day', 'text')
    .addColumn('end_day', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('confidence', float8(db), (c) => c.notNull())
    .addColumn('first_reported', 'text', (c) => c.notNull())
    .addColumn('contradictions', 'text', (c) => c.notNull())
    .addColumn('arrest_article_id', 'text')
    .addColumn('arrest_published', 'text')
    .addColumn('curated_id', 'text')
    .addColumn('curated_outcome', 'text')
    .addColumn('curated_sources', 'text')
    .execute();
  await db.schema
    .createIndex('trips_subject')
    .on('trips')
    .columns(['subject_id', 'first_reported'])
    .execute();
  await db.schema
    .createIndex('trips_country')
    .on('trips')
    .columns(['country_iso2', 'first_reported'])
    .execute();
  await db.schema.createIndex('trips_status').on('trips').columns(['status', 'first_reported']).execute();

  await db.schema
    .createTable('trip_history')
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${STATUSES}`))
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('reported', 'seen_elsewhere')`))
    .addPrimaryKeyConstraint('trip_history_pk', ['trip_id', 'seq'])
    .execute();

  await db.schema
    .createTable('trip_evidence')
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('published', 'text', (c) => c.notNull())
    .addColumn('cluster_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_day', 'text')
    .addColumn('end_day', 'text')
    .addColumn('city', 'text')
    .addColumn('confidence', float8(db), (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('moved', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('trip_evidence_pk', ['trip_id', 'seq'])
    .execute();
  await db.schema.createIndex('trip_evidence_article').on('trip_evidence').column('article_id').execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trip_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('country_iso2', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('evidence_article_id', 'text', (c) => c.notNull())
    .addColumn('evidence_published', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_created').on('alerts').columns(['created_at', 'seq']).execute();
  await db.schema.createIndex('alerts_trip').on('alerts').column('trip_id').execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'delivered', 'dead')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addUniqueConstraint('deliveries_alert_webhook', ['alert_id', 'webhook_id'])
    .execute();
  await db.schema
    .createIndex('deliveries_due')
    .on('deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();

  // Who changed what in the record, and why; rows are only ever added.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('why', 'text')
    .execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target', 'at']).execute();
}

export const record: Migration = { version: 2, name: 'record', up };
