/**
 * @module store/migrations/006_trip_times
 * When the record first held each trip, when it last changed and when a merge last looked at it
 * (the API's updated_since and its "last checked"), and a hash of its content that tells a change
 * from a merge that left it as it was. Trips stored before this version take the time of the
 * migration for all three: the record did not keep them, and it knew them at least by then.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { Migration } from './migration.js';

async function up(raw: Kysely<unknown>): Promise<void> {
  for (const column of ['added_at', 'changed_at', 'checked_at', 'content_hash'])
    await raw.schema.alterTable('trips').addColumn(column, 'text').execute();
  const db = raw as unknown as Kysely<DB>;
  const at = new Date().toISOString();
  await db.updateTable('trips').set({ added_at: at, changed_at: at, checked_at: at }).execute();
  await raw.schema.createIndex('trips_changed').on('trips').columns(['changed_at', 'id']).execute();
}

export const tripTimes: Migration = { version: 6, name: 'trip_times', up };
