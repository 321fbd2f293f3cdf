/**
 * @module web/api/cursor
 * The alerts' page cursor: the seq of the last alert served, opaque to clients. (Trips' cursors
 * are the store's own.)
 */
import { ApiError } from './errors.js';

const PREFIX = 'alert:';

export const alertCursor = (seq: number) => Buffer.from(`${PREFIX}${seq}`, 'utf8').toString('base64url');

export function alertSeq(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0)
    throw new ApiError('invalid_request', 'cursor: not a cursor of this listing');
  return seq;
}
