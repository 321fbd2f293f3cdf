import { describe, expect, it } from 'vitest';
import { tripLines as trips } from '../../testing/extract.js';

// 2026-03-04 is a Wednesday.
describe('the scene of the alleged crimes', () => {
  it('is background beside another destination in its clause', () => {
    expect(trips('Vladimir Putin is visiting Mongolia while his troops remain in Ukraine.')).toEqual([
      'putin-vladimir MN - under_way - -',
    ]);
    expect(trips('Vladimir Putin arrived in Mongolia on Monday as fighting raged in Ukraine.')).toEqual([
      'putin-vladimir MN - under_way 2026-03-02 -',
    ]);
  });
  it('is not cancelled with the places of the sentence before', () => {
    expect(
      trips(
        'Vladimir Putin is visiting Mongolia while his troops remain in Ukraine. He did not attend the dinner.',
      ),
    ).toEqual(['putin-vladimir MN - under_way - -']);
  });
  it('is still a destination when the clause names only it, or lists it with another', () => {
    expect(trips('Vladimir Putin visited Mariupol in occupied Ukraine on Saturday.')).toEqual([
      'putin-vladimir UA Mariupol completed 2026-02-28 -',
    ]);
    expect(trips('Vladimir Putin visited Belarus and occupied Ukraine in 2025.')).toEqual([
      'putin-vladimir BY - completed - -',
      'putin-vladimir UA - completed - -',
    ]);
  });
});

describe('days told from another event', () => {
  it('are not counted from the publication date', () => {
    expect(
      trips('Osama Elmasry Njeem was detained in Italy on 19 January, the day after he landed in Rome.'),
    ).toEqual(['elmasry-njeem-osama IT Rome completed 2026-01-19 -']);
  });
});
