/**
 * @module alerts/rules
 * Alerts are facts about a trip's history: its first planned report, first report from the ground,
 * first departure, first cancellation (or switch to video), an arrest. Each exists at most once per
 * trip and kind (its id is the trip's id and the kind), and only for a trip to a state with a
 * binding duty on the trip's days. Only live news raises one: a change reported long after the
 * journey it tells, or read long after it was published (a backfill, an anniversary piece), updates
 * the record silently.
 */
import { dayNumber } from '../law/index.js';
import type { Duty } from '../model.js';
import { isSuperseded, type StatusChange, type TripRecord, type TripRecordStatus } from '../events/index.js';

export type AlertKind = 'upcoming_visit' | 'arrival' | 'departed_without_arrest' | 'cancelled' | 'arrested';

export interface Alert {
  /** `<trip id>:<kind>`: the idempotency key of every delivery of it. */
  id: string;
  kind: AlertKind;
  tripId: string;
  subjectId: string;
  countryIso2: string;
  /** The history entry (or arrest report) the alert states. */
  evidence: { articleId: string; published: string };
  duty: Pick<Duty, 'kind' | 'basis' | 'date'>;
}

/** How late a report may come, in days after it was published, and still be live news. */
export const LIVE_DAYS = 3;
/** A departure or cancellation told more than a week after the journey's last known day is history. */
const AFTERMATH_DAYS = 7;

const first = (trip: TripRecord, statuses: readonly TripRecordStatus[]) =>
  trip.history.find((h) => statuses.includes(h.status));

/** The change each kind of alert states, if the trip's history has one. */
function changeFor(
  trip: TripRecord,
  kind: AlertKind,
): StatusChange | { articleId: string; published: string } | undefined {
  switch (kind) {
    case 'upcoming_visit':
      return first(trip, ['planned']);
    case 'arrival':
      return first(trip, ['under_way']);
    case 'departed_without_arrest':
      return trip.arrest ? undefined : first(trip, ['completed']);
    case 'cancelled':
      return first(trip, ['cancelled', 'remote']);
    case 'arrested':
      return trip.arrest ?? undefined;
  }
}

/** Whether a report published on `day` is still news of the trip it tells. */
function timely(trip: TripRecord, kind: AlertKind, day: number): boolean {
  const firstDay = trip.start ? dayNumber(trip.start) : null;
  const lastDay = trip.end ? dayNumber(trip.end) : firstDay;
  // A journey first told when it was over, on no day given, is history of unknown date.
  if (lastDay === null && trip.history[0]?.status === 'completed') return false;
  if (kind === 'upcoming_visit') return firstDay === null || day <= firstDay;
  if (kind === 'arrival') return lastDay === null || day <= lastDay + 1;
  return lastDay === null || day <= lastDay + AFTERMATH_DAYS;
}

/** The trip must still be where the alert says it went: no warning of a visit that has begun, no
 * arrival alert for a journey already over (its departure alert says more), whatever order the
 * articles were read in. */
function current(trip: TripRecord, kind: AlertKind): boolean {
  switch (kind) {
    case 'upcoming_visit':
      return trip.status === 'planned';
    case 'arrival':
      return trip.status === 'under_way';
    case 'departed_without_arrest':
      return trip.status === 'completed';
    case 'cancelled':
      return trip.status === 'cancelled' || trip.status === 'remote';
    case 'arrested':
      return true;
  }
}

const KINDS: readonly AlertKind[] = [
  'upcoming_visit',
  'arrival',
  'departed_without_arrest',
  'cancelled',
  'arrested',
];

/**
 * The alerts a trip's history warrants as of `now` (ISO day or date-time), given the host's duty.
 * Pure and idempotent: the same trip, duty and clock give the same alerts; the caller keeps those
 * already raised.
 */
export function alertsFor(trip: TripRecord, duty: Duty, now: string): Alert[] {
  // A curated trip is history already known: news about it updates the record silently. A trip
  // an analyst rejected, or merged into another, warns of nothing.
  if (duty.kind !== 'binding' || trip.curated || isSuperseded(trip)) return [];
  const today = dayNumber(now);
  const out: Alert[] = [];
  for (const kind of KINDS) {
    const change = changeFor(trip, kind);
    if (!change || !current(trip, kind)) continue;
    const day = dayNumber(change.published);
    if (today - day > LIVE_DAYS || !timely(trip, kind, day)) continue;
    out.push({
      id: `${trip.id}:${kind}`,
      kind,
      tripId: trip.id,
      subjectId: trip.subjectId,
      countryIso2: trip.countryIso2,
      evidence: { articleId: change.articleId, published: change.published },
      duty: { kind: duty.kind, basis: duty.basis, date: duty.date },
    });
  }
  return out;
}
