/**
 * @module store/migrations/007_public_version
 * One counter that every write to what the public sees (trips, alerts, reviews, comments) moves
 * on, in whichever process it happens: a web process keeps its rendered pages while it is unchanged.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { Migration } from './migration.js';

async function up(raw: Kysely<unknown>): Promise<void> {
  await raw.schema
    .createTable('public_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await (raw as unknown as Kysely<DB>).insertInto('public_version').values({ id: 1, version: 0 }).execute();
}

export const publicVersion: Migration = { version: 7, name: 'public_version', up };
