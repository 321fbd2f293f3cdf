/**
 * @module store/migrations/009_reply_mail
 * E-mail to a commenter when someone replies, for those who ask: the address, encrypted with a key
 * derived from the site secret (web/auth/keys), in a table of its own so that a comment's row
 * never holds it and wiping it is one delete; and the outbox of those e-mails, one per published
 * reply (unique), sent and retried by the jobs stage; and the indexes that keep deleting comments
 * (the purge) from scanning the tables that refer to them.
 */
import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comment_subscriptions')
    .addColumn('comment_id', 'text', (c) => c.primaryKey().references('comments.id'))
    .addColumn('sealed_address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reply_mails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reply_id', 'text', (c) => c.notNull().unique().references('comments.id'))
    .addColumn('parent_id', 'text', (c) => c.notNull().references('comments.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('claim', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Deleting a comment (the purge) makes SQLite look for rows that refer to it: without these
  // indexes, a scan of each referring table per comment deleted.
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  await db.schema.createIndex('reply_mails_parent').on('reply_mails').column('parent_id').execute();
  await db.schema
    .createIndex('reply_mails_due')
    .on('reply_mails')
    .columns(['state', 'next_attempt_at'])
    .execute();
}

export const replyMail: Migration = { version: 9, name: 'reply_mail', up };
