/**
 * @module events/ledger
 * The compliance ledger: what a state did each time a wanted person came (or was to come), judged
 * against its duty on the trip's days, beside the Court's findings. A completed trip to a state
 * bound to arrest, without an arrest, is a failure to arrest; a planned trip to such a state that
 * was called off or held by video is the warrant's deterrence, which the record keeps too.
 */
import type { Duty, Finding, Registry } from '../model.js';
import { dutyOfTrip } from './duty.js';
import { outcomeOf } from './outcome.js';
import type { TripRecord, TripRecordOutcome } from './types.js';

export type LedgerVerdict = 'failed_to_arrest' | 'arrested' | 'deterred' | 'pending' | 'no_binding_duty';

export interface LedgerEntry {
  trip: TripRecord;
  duty: Duty;
  outcome: TripRecordOutcome;
  verdict: LedgerVerdict;
  /** The Court's decisions on this trip (curated links from data/registry). */
  findings: Finding[];
}

export interface Ledger {
  entries: LedgerEntry[];
  /** Every decision of the Court about the state (or the person), linked to a trip or not. */
  findings: Finding[];
}

function verdictOf(duty: Duty, outcome: TripRecordOutcome): LedgerVerdict {
  if (duty.kind !== 'binding') return 'no_binding_duty';
  switch (outcome) {
    case 'not_arrested':
      return 'failed_to_arrest';
    case 'arrested':
      return 'arrested';
    case 'cancelled':
    case 'remote':
      return 'deterred';
    case 'unknown':
      return 'pending';
  }
}

/** The ledger of one state or one person over the trips given, newest first. */
export function ledgerOf(
  reg: Registry,
  trips: readonly TripRecord[],
  of: { countryIso2: string } | { subjectId: string },
): Ledger {
  const mine = (t: { countryIso2: string; subjectId: string }) =>
    'countryIso2' in of ? t.countryIso2 === of.countryIso2 : t.subjectId === of.subjectId;
  const curatedFindings = new Map(reg.trips.map((t) => [t.id, t.findings]));
  const entries = trips
    .filter(mine)
    .map((trip) => {
      const duty = dutyOfTrip(reg, trip);
      const outcome = outcomeOf(trip);
      const ids = trip.curated ? (curatedFindings.get(trip.curated.id) ?? []) : [];
      return {
        trip,
        duty,
        outcome,
        verdict: verdictOf(duty, outcome),
        findings: ids.flatMap((id) => reg.findings.get(id) ?? []),
      };
    })
    .sort((a, b) => dayOf(b.trip).localeCompare(dayOf(a.trip)) || a.trip.id.localeCompare(b.trip.id));
  const findings = [...reg.findings.values()]
    .filter((f) => ('countryIso2' in of ? f.country === of.countryIso2 : f.subjects.includes(of.subjectId)))
    .sort((a, b) => b.decided.localeCompare(a.decided));
  return { entries, findings };
}

const dayOf = (t: TripRecord) => t.start ?? t.firstReported.slice(0, 10);
