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

  it('refuses a single name that several subjects carry, an alias of one and a surname of the other', () => {
    const gaddafi = findSubject(reg, 'gaddafi');
    expect(gaddafi.kind).toBe('ambiguous');
    if (gaddafi.kind === 'ambiguous')
      expect(gaddafi.candidates.map((s) => s.id)).toEqual(['gaddafi-muammar', 'gaddafi-saif-al-islam']);
    expect(findSubject(reg, 'القذافي').kind).toBe('ambiguous');
    expect(findSubject(reg, 'al-Masri').kind).toBe('ambiguous');
  });

  it.each([
    ['gaddafi-muammar', 'gaddafi-muammar'],
    ['Muammar Gaddafi', 'gaddafi-muammar'],
    ['Muammar al-Gaddafi', 'gaddafi-muammar'],
    ['Saif al-Islam Gaddafi', 'gaddafi-saif-al-islam'],
    ['Saif al-Islam', 'gaddafi-saif-al-islam'],
  ])('an id, a full name or a spelling of two names finds one subject: %s', (query, id) =>
    expect(subjectId(query)).toBe(id),
  );

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
    ['Republic of the Congo', 'CG'],
    ['Congo-Kinshasa', 'CD'],
    ['State of Palestine', 'PS'],
    ['United Kingdom', 'GB'],
  ])('%s → %s', (query, code) => expect(iso2(query)).toBe(code));

  it('refuses an English name two countries share, naming both; their codes and full names resolve', () => {
    const congo = findCountry(reg, 'Congo');
    expect(congo.kind).toBe('ambiguous');
    if (congo.kind === 'ambiguous') expect(congo.candidates.map((c) => c.iso2).sort()).toEqual(['CD', 'CG']);
    expect(['CG', 'COG', 'CD', 'COD', 'Democratic Republic of the Congo'].map(iso2)).toEqual([
      'CG',
      'CG',
      'CD',
      'CD',
      'CD',
    ]);
  });

  it('suggests the nearest English names for a misspelling', () => {
    const r = findCountry(reg, 'Hungry');
    expect(r.kind).toBe('unknown');
    if (r.kind === 'unknown') expect(r.suggestions[0]?.iso2).toBe('HU');
  });
});
