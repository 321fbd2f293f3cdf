import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/index.js';
import { loadLexicons } from '../lexicon/index.js';
import { loadCities } from './cities.js';
import { buildPlaceIndex, findPlaces, type PlaceIndex } from './places.js';
import { tokenize } from '../text/tokens.js';

let index: PlaceIndex;
beforeAll(() => {
  index = buildPlaceIndex(loadRegistry(), loadLexicons(), loadCities());
});

const countries = (text: string) => findPlaces(index, tokenize(text)).map((p) => p.iso2);

describe('findPlaces', () => {
  it('reads an Arabic name behind a one-letter prefix', () => {
    // "France, Spain and Belgium", "a visit to Russia"
    expect(countries('فرنسا وإسبانيا وبلجيكا')).toEqual(['FR', 'ES', 'BE']);
    expect(countries('زيارة لروسيا')).toEqual(['RU']);
  });
  it('reads a country glued to the word after it by a heading', () => {
    expect(countries('Por qué no viaja a ChileLa prensa local')).toEqual(['CL']);
  });
  it('does not cut ordinary words', () => {
    expect(countries('The JavaScript library and McDonald restaurants')).toEqual([]);
  });
  it('reads US states as the United States without a city', () => {
    expect(findPlaces(index, tokenize('talks in Alaska'))).toMatchObject([{ iso2: 'US', city: null }]);
  });
});
