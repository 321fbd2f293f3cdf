/**
 * @module store/context
 * What the query modules share: the database, the clock, the id maker and the fail points.
 */
import type { Kysely } from 'kysely';
import { StoreError } from './errors.js';
import type { DB } from './schema.js';

/** The named points between the steps of a multi-step write, where a test may simulate a crash. */
export type FailPoint = 'fetch:inserted' | 'article:inserted' | 'cluster:repointed' | 'item:linked';

export interface StoreContext {
  db: Kysely<DB>;
  now(): Date;
  newId(): string;
  /** Called at each FailPoint inside the transaction; throwing there must roll everything back. */
  failpoint(point: FailPoint): void;
  /** The largest SimHash distance treated as a near-duplicate. */
  nearDistance: number;
}

/** Normalises an ISO 8601 time to UTC with milliseconds, so that text order is time order. */
export function isoTime(value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new StoreError('invalid_request', `${field} is not an ISO 8601 time: ${value}`);
  return new Date(t).toISOString();
}
