import { describe, expect, it } from 'vitest';
import { tripLines as trips } from '../../testing/extract.js';

// 2026-03-04 is a Wednesday.
describe('"the country"', () => {
  it('is the one country named just before it, after a travel word', () => {
    expect(
      trips(
        'Osama Elmasry Njeem was detained by Italian police in Turin. He had arrived in the country from Germany on 18 January.',
      ),
    ).toEqual(['elmasry-njeem-osama DE - completed - -', 'elmasry-njeem-osama IT - completed 2026-01-18 -']);
    expect(trips('Putin est arrivé en Mongolie lundi. Il quittera le pays mercredi.')).toEqual([
      'putin-vladimir MN - under_way 2026-03-02 -',
    ]);
  });
  it('stays unresolved when two countries came before', () => {
    expect(
      trips(
        'Vladimir Putin spoke about Mongolia and China on Monday. He will travel to the country next week.',
      ),
    ).toEqual([]);
  });
  it('is not the scene of his crimes, nor his own country after "left"', () => {
    expect(trips('Vladimir Putin, who invaded Ukraine, will not travel to the country.')).toEqual([]);
    expect(
      trips(
        'The court in the Netherlands issued a warrant for Vladimir Putin. He has not left the country since.',
      ),
    ).toEqual([]);
  });
  it('is no destination outside a trip', () => {
    expect(
      trips(
        'Omar al-Bashir attended a summit in Egypt in May. Sudanese troops fought in the west of the country.',
      ),
    ).toEqual(['al-bashir-omar EG - completed - -']);
  });
});
