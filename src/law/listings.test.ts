import { describe, expect, it } from 'vitest';
import { loadRegistry, type IsoDate } from '../registry/index.js';
import { boundStatesBySubject, statesPartiesOn, warrantsOn } from './listings.js';
import { dutyMatrix } from './matrix.js';

const reg = loadRegistry();
const day = (d: string) => d as IsoDate;

describe('warrantsOn', () => {
  it('gives each warrant that exists that day with its status, and only one status when asked', () => {
    const all = warrantsOn(reg, day('2024-09-03'));
    const atLarge = warrantsOn(reg, day('2024-09-03'), 'at_large');
    expect(atLarge.length).toBeGreaterThan(0);
    expect(atLarge.every((w) => w.status === 'at_large')).toBe(true);
    expect(all.filter((w) => w.status === 'at_large')).toEqual(atLarge);
    const putin = all.find((w) => w.subjectId === 'putin-vladimir')!;
    expect(putin).toMatchObject({ subject: 'Vladimir Putin', status: 'at_large', madePublic: '2023-03-17' });
    // Before his warrant, Duterte is not listed; after his surrender he is, as surrendered.
    expect(warrantsOn(reg, day('2020-01-01')).some((w) => w.subjectId === 'duterte-rodrigo')).toBe(false);
    expect(warrantsOn(reg, day('2025-04-01')).find((w) => w.subjectId === 'duterte-rodrigo')?.status).toBe(
      'surrendered',
    );
  });
});

describe('statesPartiesOn', () => {
  it('counts the parties of a day, by name, with a withdrawal under way', () => {
    const parties = statesPartiesOn(reg, day('2025-07-01'));
    expect(parties).toHaveLength(125);
    expect(parties.map((p) => p.name)).toEqual(
      [...parties.map((p) => p.name)].sort((a, b) => a.localeCompare(b)),
    );
    expect(parties.find((p) => p.iso2 === 'HU')?.withdrawal).toMatchObject({
      notified: '2025-06-02',
      effective: '2026-06-02',
    });
    expect(parties.find((p) => p.iso2 === 'MN')).toEqual({
      iso2: 'MN',
      name: 'Mongolia',
      partySince: '2002-07-01',
      withdrawal: null,
    });
    expect(statesPartiesOn(reg, day('2017-10-27')).some((p) => p.iso2 === 'BI')).toBe(false);
  });
});

describe('boundStatesBySubject', () => {
  it("holds the matrix's pairs, grouped by person", () => {
    const date = day('2024-09-03');
    const pairs = boundStatesBySubject(reg, date).flatMap((r) => r.states.map((s) => `${r.subjectId} ${s}`));
    expect(pairs.sort()).toEqual(
      dutyMatrix(reg, date)
        .entries.map((e) => `${e.subjectId} ${e.iso2}`)
        .sort(),
    );
    expect(
      boundStatesBySubject(reg, date).find((r) => r.subjectId === 'putin-vladimir')?.states,
    ).toHaveLength(125);
  });
});
