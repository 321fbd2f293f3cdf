/**
 * @module store/migrations/005_comments
 * Public comments under trips, the per-target moderation switch, analysts' and moderators'
 * accounts with their sessions, and the site's generated secrets. A commenter's e-mail address is
 * never stored: only its keyed hash (HMAC with the site secret), enough to recognise an author
 * whose comment was approved, useless to anyone who reads the database without the secret.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('comments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('held', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('review_state', 'text')
    .execute();
  await db.schema
    .createIndex('comments_target')
    .on('comments')
    .columns(['target', 'state', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_state').on('comments').columns(['state', 'created_at']).execute();
  await db.schema
    .createIndex('comments_author')
    .on('comments')
    .columns(['email_key', 'created_at'])
    .execute();
  await db.schema
    .createTable('comment_targets')
    .addColumn('target', 'text', (c) => c.primaryKey())
    .addColumn('premoderate', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('site_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export const comments: Migration = { version: 5, name: 'comments', up };
