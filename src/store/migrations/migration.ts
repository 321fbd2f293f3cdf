/**
 * @module store/migrations/migration
 * What a migration is: a number, a name, and the change it makes.
 */
import type { Kysely } from 'kysely';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction; schema builder and portable SQL only. */
  up(db: Kysely<unknown>): Promise<void>;
}
