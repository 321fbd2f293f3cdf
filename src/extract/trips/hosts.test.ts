import { describe, expect, it } from 'vitest';
import { tripLines as trips } from '../../testing/extract.js';

// 2026-03-04 is a Wednesday.
describe('a host named by its leader', () => {
  it('is the place of the visit when the leader receives him', () => {
    expect(trips("Jordan's King Abdullah welcomed Omar al-Bashir at the palace on Monday.")).toEqual([
      'al-bashir-omar JO - under_way 2026-03-02 -',
    ]);
    expect(trips("Jordan's King Abdullah welcomed Sudan's President Omar al-Bashir on Monday.")).toEqual([
      'al-bashir-omar JO - under_way 2026-03-02 -',
    ]);
    expect(trips("Vladimir Putin was greeted by Mongolia's president on Monday.")).toEqual([
      'putin-vladimir MN - under_way 2026-03-02 -',
    ]);
  });
  it('is the place of an event the leader holds', () => {
    expect(trips("Omar al-Bashir attended the inauguration of Iran's new president on Sunday.")).toEqual([
      'al-bashir-omar IR - completed 2026-03-01 -',
    ]);
    expect(trips("Omar al-Bashir will skip Kenya's president's swearing-in ceremony.")).toEqual([
      'al-bashir-omar KE - cancelled - -',
    ]);
  });
  it('is no place when the wanted person is the host', () => {
    expect(trips("Vladimir Putin welcomed Mongolia's president on Monday.")).toEqual([]);
  });
  it('is no place when only his words or deeds are welcomed', () => {
    expect(trips("Hungary's prime minister welcomed Benjamin Netanyahu's remarks on Monday.")).toEqual([]);
    expect(trips("Jordan's King Abdullah welcomed the arrest warrant for Omar al-Bashir on Monday.")).toEqual(
      [],
    );
  });
  it('is no place when the clause says where they met', () => {
    expect(trips("Vladimir Putin was greeted by Mongolia's president in Moscow on Monday.")).toEqual([]);
  });
  it('is no place in a hypothetical', () => {
    expect(
      trips("If Omar al-Bashir attends the inauguration of Kenya's president, he could be arrested."),
    ).toEqual([]);
  });
});
