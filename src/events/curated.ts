/**
 * @module events/curated
 * The registry's curated trips (data/registry/trips.yaml) as confirmed trips of the record, so the
 * ledger starts complete for history and news about a known journey joins it. Only journeys to a
 * state's territory, and plans of one that were called off or attended by video, are trips here;
 * a flight through a state's airspace is the law engine's concern, not a visit.
 */
import type { Trip } from '../model.js';
import type { CuratedTrip, TripRecordOutcome, TripRecordStatus } from './types.js';

function statusOf(t: Trip): { status: TripRecordStatus; outcome: TripRecordOutcome } | null {
  if (t.presence === 'airspace') return null;
  if (t.presence === 'territory') {
    const held = t.outcome === 'arrested' || t.outcome === 'surrendered';
    return {
      status: 'completed',
      outcome: held ? 'arrested' : t.outcome === 'unknown' ? 'unknown' : 'not_arrested',
    };
  }
  if (t.outcome === 'trip_cancelled') return { status: 'cancelled', outcome: 'cancelled' };
  if (t.outcome === 'attended_remotely') return { status: 'remote', outcome: 'remote' };
  return null;
}

export function curatedTrips(trips: readonly Trip[]): CuratedTrip[] {
  return trips.flatMap((t) => {
    const told = statusOf(t);
    if (!told || (!t.start && !t.month)) return [];
    return [
      {
        id: t.id,
        subjectId: t.subject,
        iso2: t.country,
        city: t.city ?? null,
        start: t.start ?? null,
        end: t.end ?? null,
        month: t.month ?? null,
        ...told,
        sources: t.sources,
      },
    ];
  });
}
