import { describe, expect, it } from 'vitest';
import { RegistryDataError } from './errors.js';
import { loadRegistry, parseRegistryFile } from './load.js';

describe('parseRegistryFile', () => {
  it('names the file, the record and the field of every bad value', () => {
    const text = `
- iso2: MN
  name: Mongolia
  deposited: 2002-04-11
  instrument: ratification
  entryIntoForce: 2002-02-30
  confidence: verified
- iso2: mongolia
  name: X
  deposited: 2002-04-11
  instrument: treaty
  entryIntoForce: 2002-07-01
  confidence: verified
  colour: blue
`;
    let error: unknown;
    try {
      parseRegistryFile('memberships', text, 'memberships.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryDataError);
    const message = (error as Error).message;
    expect(message).toContain('memberships.yaml');
    expect(message).toContain('record 1 (MN): field entryIntoForce: not a real calendar day');
    expect(message).toContain('record 2 (mongolia): field iso2: expected an ISO 3166-1 alpha-2 code');
    expect(message).toMatch(/record 2 \(mongolia\): field instrument: /);
    expect(message).toMatch(/record 2 \(mongolia\): field \(record\): .*colour/);
  });

  it('rejects a file that is not YAML or not a list', () => {
    expect(() => parseRegistryFile('memberships', 'a: [1', 'm.yaml')).toThrow(/m\.yaml: .*not valid YAML/s);
    expect(() => parseRegistryFile('memberships', 'a: 1', 'm.yaml')).toThrow(/expected a list of records/);
  });
});

describe('the curated registry', () => {
  const reg = loadRegistry();

  it('loads and holds every state that was ever a party', () => {
    expect(reg.memberships.size).toBe(127);
    expect(reg.memberships.get('MN')?.entryIntoForce).toBe('2002-07-01');
  });

  it('keeps a source for every record', () => {
    const unsourced = [
      ...[...reg.memberships.values()].map((m) => [m.iso2, m.sources] as const),
      ...[...reg.situations.values()].map((s) => [s.id, s.sources] as const),
      ...reg.declarations.map((d) => [d.id, d.sources] as const),
      ...reg.referrals.map((r) => [r.id, r.sources] as const),
      ...[...reg.subjects.values()].map((s) => [s.id, s.sources] as const),
      ...reg.warrants.map((w) => [w.id, w.sources] as const),
      ...reg.trips.map((t) => [t.id, t.sources] as const),
      ...[...reg.findings.values()].map((f) => [f.id, f.sources] as const),
    ].filter(([, sources]) => sources.length === 0);
    expect(unsourced.map(([id]) => id)).toEqual([]);
  });
});
