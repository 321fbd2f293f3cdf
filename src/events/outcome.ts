/**
 * @module events/outcome
 * What came of a trip, as far as the record knows: an arrest, a departure without one, a
 * cancellation, a switch to a video link, or not yet known (planned or under way).
 */
import type { TripRecord, TripRecordOutcome } from './types.js';

export function outcomeOf(trip: Pick<TripRecord, 'status' | 'arrest' | 'curated'>): TripRecordOutcome {
  if (trip.curated) return trip.curated.outcome;
  if (trip.arrest) return 'arrested';
  switch (trip.status) {
    case 'completed':
      return 'not_arrested';
    case 'cancelled':
      return 'cancelled';
    case 'remote':
      return 'remote';
    default:
      return 'unknown';
  }
}
