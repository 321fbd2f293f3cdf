import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_URL, parseLocation } from './location.js';

describe('parseLocation', () => {
  it('reads the sqlite forms and plain paths', () => {
    expect(parseLocation()).toEqual({ kind: 'sqlite', path: './data/warrant-watch.db' });
    expect(parseLocation(DEFAULT_DATABASE_URL)).toEqual({ kind: 'sqlite', path: './data/warrant-watch.db' });
    expect(parseLocation('sqlite:///var/lib/ww.db')).toEqual({ kind: 'sqlite', path: '/var/lib/ww.db' });
    expect(parseLocation('sqlite:/tmp/a.db')).toEqual({ kind: 'sqlite', path: '/tmp/a.db' });
    expect(parseLocation('data/x.db')).toEqual({ kind: 'sqlite', path: 'data/x.db' });
    expect(parseLocation('sqlite::memory:')).toEqual({ kind: 'sqlite-memory' });
  });

  it('reads PostgreSQL URLs in both spellings, and names a broken one without its password', () => {
    expect(parseLocation('postgres://ww:secret@db:5433/ww')).toEqual({
      kind: 'postgres',
      url: 'postgres://ww:secret@db:5433/ww',
    });
    expect(parseLocation(' postgresql://ww@db/ww ')).toEqual({
      kind: 'postgres',
      url: 'postgresql://ww@db/ww',
    });
    expect(() => parseLocation('postgres://ww:secret@db:port/ww')).toThrow('postgres://ww:***@db:port/ww');
  });

  it('refuses unknown schemes and empty locations', () => {
    expect(() => parseLocation('mysql://ww:secret@db/ww')).toThrow(
      'unknown database location mysql://ww:***@db/ww',
    );
    expect(() => parseLocation(' ')).toThrow(/empty/);
  });
});
