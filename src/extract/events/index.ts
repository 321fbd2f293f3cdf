/**
 * @module extract/events
 * The rules for events that are not trips: warrants issued, calls to arrest, arrests, protests.
 */
export { arrestsIn, callsIn, protestsIn, warrantsIn } from './others.js';
