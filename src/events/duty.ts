/**
 * @module events/duty
 * The host's duty to arrest for a trip, on the trip's first day, or, before a day is known, on the
 * day the trip was first reported (the duty he would meet if he came then).
 */
import { dutyToArrest } from '../law/index.js';
import type { Duty, IsoDate, Registry } from '../model.js';
import type { TripRecord } from './types.js';

export function tripDutyDay(trip: Pick<TripRecord, 'start' | 'firstReported'>): IsoDate {
  return (trip.start ?? trip.firstReported.slice(0, 10)) as IsoDate;
}

export function dutyOfTrip(
  reg: Registry,
  trip: Pick<TripRecord, 'subjectId' | 'countryIso2' | 'start' | 'firstReported'>,
): Duty {
  return dutyToArrest(reg, trip.subjectId, trip.countryIso2, tripDutyDay(trip));
}
