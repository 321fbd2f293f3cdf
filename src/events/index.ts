/**
 * @module events
 * The record's core: claims from articles merged into trips with a status history (pure).
 */
export { mergeTrips, TOUR_DAYS } from './merge.js';
export { curatedTrips } from './curated.js';
export { byFirstReport, byPublication, publicationTime } from './order.js';
export { jaccard, keepIds } from './identity.js';
export { canMove, PRESENT, STAGE } from './status.js';
export { MOVING_CONFIDENCE } from './fields.js';
export { dutyOfTrip, tripDutyDay } from './duty.js';
export { outcomeOf } from './outcome.js';
export { CURRENT_DAYS, isCurrent } from './current.js';
export {
  applyReviews,
  isSuperseded,
  type Review,
  type ReviewAction,
  type ReviewInput,
  type TripFieldsSet,
} from './review.js';
export { ledgerOf, type Ledger, type LedgerEntry, type LedgerVerdict } from './ledger.js';
export type {
  ArticleRef,
  Claim,
  Contradiction,
  CuratedTrip,
  StatusChange,
  TripEvidence,
  TripRecord,
  TripRecordOutcome,
  TripReview,
  TripRecordStatus,
} from './types.js';
