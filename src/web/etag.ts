/**
 * @module web/etag
 * Entity tags: a hash of a body, and whether a request's If-None-Match names one.
 */
import { createHash } from 'node:crypto';

export const etagOf = (body: string | Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** Whether an If-None-Match header names `etag` (a list, weak validators, or `*`). */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
