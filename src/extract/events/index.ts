/**
 * @module extract/events
 * The rules for events that are not trips, each on one sentence: a warrant the text says was
 * issued, a call on a state to arrest, an arrest that happened, a protest against a visit.
 * Everything labelled has already happened, so these carry status `completed`.
 */
export { arrestsIn, staysOfArrests } from './arrests.js';
export { callsIn } from './calls.js';
export { protestsIn } from './protests.js';
export { warrantsIn } from './warrants.js';
