/**
 * @module store/migrations
 * The list of migrations, numbered and append-only: a released migration is never edited, a
 * change of schema is a new file with the next number.
 */
import { ingest } from './001_ingest.js';
import { record } from './002_record.js';
import { reviews } from './003_reviews.js';
import { published } from './004_published.js';
import { comments } from './005_comments.js';
import { tripTimes } from './006_trip_times.js';
import { publicVersion } from './007_public_version.js';
import { webhookOwners } from './008_webhook_owners.js';
import { replyMail } from './009_reply_mail.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  ingest,
  record,
  reviews,
  published,
  comments,
  tripTimes,
  publicVersion,
  webhookOwners,
  replyMail,
];

/** The version a database must be at for this code to run. */
export const LATEST_VERSION = MIGRATIONS.length;
