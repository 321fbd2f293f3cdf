/**
 * @module store/migrations/008_webhook_owners
 * Who added each webhook: a signed-in user's account on the web, or nobody (NULL) for those the
 * operator adds with the CLI, as every webhook stored before this version was.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('webhooks')
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('webhooks_owner').on('webhooks').columns(['owner_id', 'created_at']).execute();
}

export const webhookOwners: Migration = { version: 8, name: 'webhook_owners', up };
