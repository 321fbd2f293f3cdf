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

  it('says PostgreSQL is not built yet, without printing the password', () => {
    expect(() => parseLocation('postgres://ww:secret@db/ww')).toThrow('PostgreSQL support is not built yet');
    expect(() => parseLocation('postgresql://ww:secret@db/ww')).not.toThrow(/secret/);
  });

  it('refuses unknown schemes and empty locations', () => {
    expect(() => parseLocation('mysql://db/ww')).toThrow(/unknown database location/);
    expect(() => parseLocation(' ')).toThrow(/empty/);
  });
});
