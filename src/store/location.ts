/**
 * @module store/location
 * Reads a DATABASE_URL-style location: `sqlite:path`, `sqlite::memory:`, a plain path, or
 * `postgres://user:password@host:port/database` (also `postgresql://`). Pure: the caller opens
 * what it names.
 */
import { StoreError } from './errors.js';

/** Where the database lives when nothing is configured; relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/warrant-watch.db';

export type Location =
  { kind: 'sqlite'; path: string } | { kind: 'sqlite-memory' } | { kind: 'postgres'; url: string };

export function parseLocation(url: string = DEFAULT_DATABASE_URL): Location {
  const u = url.trim();
  if (/^postgres(ql)?:\/\//i.test(u)) {
    if (!URL.canParse(u))
      throw new StoreError('invalid_request', `unreadable database location ${redact(u)}`);
    return { kind: 'postgres', url: u };
  }
  if (u === '') throw new StoreError('invalid_request', 'empty database location');
  if (u === ':memory:' || u === 'sqlite::memory:' || u === 'sqlite://:memory:')
    return { kind: 'sqlite-memory' };
  if (/^sqlite:/i.test(u)) {
    // sqlite:./x.db and sqlite:/abs.db as well as the URL forms sqlite://./x.db, sqlite:///abs.db
    const rest = u.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (!path) throw new StoreError('invalid_request', `no path in database location ${u}`);
    return { kind: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    throw new StoreError(
      'unsupported_database',
      `unknown database location ${redact(u)}: use sqlite:PATH or postgres://...`,
    );
  }
  return { kind: 'sqlite', path: u };
}

/** Hides a password in a URL before it goes into an error message or a log. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
