/**
 * @module store/cursor
 * Opaque page cursors for keyset pagination on (fetched_at, id): stable while rows are added,
 * unlike OFFSET, and the same SQL on SQLite and PostgreSQL.
 */
import { StoreError } from './errors.js';

export interface Position {
  fetchedAt: string;
  id: string;
}

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.fetchedAt, p.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { fetchedAt: v[0], id: v[1] };
    }
  } catch {
    // fall through to the error below: a cursor is ours or it is invalid, whatever the cause
  }
  throw new StoreError('invalid_request', `invalid cursor: ${cursor}`);
}
