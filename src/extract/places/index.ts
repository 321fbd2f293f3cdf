/**
 * @module extract/places
 * Finding countries, cities and venues in text.
 */
export { loadCities, type City } from './cities.js';
export { buildPlaceIndex, findPlaces, type PlaceEntry, type PlaceMention } from './places.js';
