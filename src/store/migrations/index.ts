/**
 * @module store/migrations
 * The list of migrations, numbered and append-only: a released migration is never edited, a
 * change of schema is a new file with the next number.
 */
import type { Kysely } from 'kysely';
import { ingest } from './001_ingest.js';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction; schema builder and portable SQL only. */
  up(db: Kysely<unknown>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [ingest];

/** The version a database must be at for this code to run. */
export const LATEST_VERSION = MIGRATIONS.length;
