/**
 * @module events
 * The record's core: claims from articles merged into trips with a status history (pure).
 */
export { mergeTrips } from './merge.js';
export { byPublication } from './order.js';
export { canMove, PRESENT, STAGE } from './status.js';
export { MOVING_CONFIDENCE } from './fields.js';
export { dutyOfTrip, tripDutyDay } from './duty.js';
export { outcomeOf, type TripRecordOutcome } from './outcome.js';
export type {
  ArticleRef,
  Claim,
  Contradiction,
  StatusChange,
  TripEvidence,
  TripRecord,
  TripRecordStatus,
} from './types.js';
