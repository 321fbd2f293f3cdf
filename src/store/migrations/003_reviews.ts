/**
 * @module store/migrations/003_reviews
 * Analysts' decisions on trips, kept forever and applied again at every merge, and where each
 * stored trip stands after them (JSON text; NULL when no decision concerns it); and the claim a
 * sender holds on a delivery while it tries it.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trip_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('trip_id', 'text', (c) => c.notNull())
    .addColumn('articles', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('why', 'text')
    .execute();
  await db.schema
    .createIndex('trip_reviews_subject')
    .on('trip_reviews')
    .columns(['subject_id', 'at'])
    .execute();
  // The state alone, indexed, for the listings that leave superseded trips out; the rest as JSON.
  await db.schema.alterTable('trips').addColumn('review_state', 'text').execute();
  await db.schema.alterTable('trips').addColumn('review', 'text').execute();
  // The sender that holds a delivery while it tries it (store/record-alerts dueDeliveries).
  await db.schema.alterTable('deliveries').addColumn('claim', 'text').execute();
}

export const reviews: Migration = { version: 3, name: 'reviews', up };
