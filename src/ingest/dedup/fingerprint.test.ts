import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';
import { hamming, NEAR_DUPLICATE_DISTANCE } from './simhash.js';

const visit = readFileSync(new URL('testdata/en-visit.txt', import.meta.url), 'utf8');

describe('fingerprint', () => {
  it('is the same for copies that differ only in form, and its bands are the SimHash bytes', () => {
    const f = fingerprint(visit);
    expect(fingerprint(visit.toUpperCase().replace(/\n\n/g, '\n'))).toEqual(f);
    expect(f.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(f.bands.map((b) => b.toString(16).padStart(2, '0')).join('')).toBe(f.simhash);
  });

  it('tells a rewrite from a copy: another content hash, a SimHash a few bits away', () => {
    const f = fingerprint(visit);
    const g = fingerprint(visit.replace('Monday evening', 'Monday night'));
    expect(g.contentHash).not.toBe(f.contentHash);
    expect(hamming(f.simhash, g.simhash)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
  });
});
