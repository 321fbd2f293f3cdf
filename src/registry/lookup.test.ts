import { describe, expect, it } from 'vitest';
import { loadRegistry } from './load.js';
import { findCountry, findSubject } from './lookup.js';
import { normalizeName } from './normalize.js';

const reg = loadRegistry();
const subjectId = (q: string) => {
  const r = findSubject(reg, q);
  return r.kind === 'found' ? r.value.id : r.kind;
};
const iso2 = (q: string) => {
  const r = findCountry(reg, q);
  return r.kind === 'found' ? r.value.iso2 : r.kind;
};

describe('normalizeName', () => {
  it('ignores case, accents, apostrophes and punctuation in any script', () => {
    expect(normalizeName('Côte d’Ivoire')).toBe('cote divoire');
    expect(normalizeName("  COTE D'IVOIRE ")).toBe('cote divoire');
    expect(normalizeName('Lvova-Belova')).toBe('lvova belova');
    expect(normalizeName('ПУТИН')).toBe('путин');
  });
});

describe('findSubject', () => {
  it.each([
    ['putin', 'putin-vladimir'],
    ['Vladimir Putin', 'putin-vladimir'],
    ['Путин', 'putin-vladimir'],
    ['poutine', 'putin-vladimir'],
    ['al-Bashir', 'al-bashir-omar'],
    ['Omar al Bashir', 'al-bashir-omar'],
    ['NETANYAHU', 'netanyahu-benjamin'],
    ['Львова-Белова', 'lvova-belova-maria'],
    ['duterte-rodrigo', 'duterte-rodrigo'],
  ])('%s → %s', (query, id) => expect(subjectId(query)).toBe(id));

  it('reports an ambiguous name with every candidate', () => {
    const sergei = findSubject(reg, 'sergei');
    expect(sergei.kind).toBe('ambiguous');
    if (sergei.kind === 'ambiguous')
      expect(sergei.candidates.map((s) => s.id).sort()).toEqual(['kobylash-sergei', 'shoigu-sergei']);
  });

  it('suggests the nearest names for a misspelling', () => {
    const r = findSubject(reg, 'Netanyahoo');
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions[0]?.id).toBe('netanyahu-benjamin');
  });
});

describe('findCountry', () => {
  it.each([
    ['MN', 'MN'],
    ['mng', 'MN'],
    ['Mongolia', 'MN'],
    ['Монголия', 'MN'],
    ['Ungarn', 'HU'],
    ['Afrique du Sud', 'ZA'],
    ['Ivory Coast', 'CI'],
    ['DRC', 'CD'],
    ['Congo', 'CG'],
    ['State of Palestine', 'PS'],
    ['United Kingdom', 'GB'],
  ])('%s → %s', (query, code) => expect(iso2(query)).toBe(code));

  it('suggests the nearest English names for a misspelling', () => {
    const r = findCountry(reg, 'Hungry');
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions[0]?.iso2).toBe('HU');
  });
});
