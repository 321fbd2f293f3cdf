/**
 * @module extract/trips
 * The trip rules: which places of a sentence are his destinations, with which status and days.
 */
export { tripsIn } from './trips.js';
